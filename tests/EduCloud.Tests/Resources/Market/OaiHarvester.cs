using System.Diagnostics;

namespace EduCloud.Tests.Resources.Market;

/// <summary>
/// Runs a harvest with HTTP::OAI (OAI-PERL, Debian package libhttp-oai-perl): an independent OAI-PMH client library
/// that issues the requests, parses the responses and follows resumption tokens itself. Prints one line per record:
/// identifier, datestamp, status, first dc:title, setSpecs.
/// </summary>
internal static class OaiHarvester
{
    private const string Script = """
        use strict; use warnings; use utf8;
        use HTTP::OAI; use HTTP::OAI::Metadata::OAI_DC;
        binmode STDOUT, ':encoding(UTF-8)';
        my ($base, $set, $from) = @ARGV;
        my $h = HTTP::OAI::Harvester->new(repository => HTTP::OAI::Identify->new(baseURL => $base, version => '2.0'));
        my $id = $h->Identify;
        die 'Identify: ' . $id->message . "\n" if $id->is_error;
        print "IDENTIFY\t", $id->repositoryName, "\t", $id->granularity, "\n";
        my %args = (metadataPrefix => 'oai_dc', handlers => { metadata => 'HTTP::OAI::Metadata::OAI_DC' }, onRecord => sub {
            my $rec = shift;
            my $title = ($rec->metadata && $rec->metadata->dc->{title}) ? $rec->metadata->dc->{title}->[0] : '';
            print join("\t", 'RECORD', $rec->identifier, $rec->datestamp, ($rec->header->status // 'active'), $title, join(',', $rec->header->setSpec)), "\n";
        });
        $args{set} = $set if $set;
        $args{from} = $from if $from;
        # The harvester requests every page itself, following the resumption tokens, and calls onRecord per record.
        my $r = $h->ListRecords(%args);
        die 'ListRecords: ' . $r->message . "\n" if $r->is_error;
        """;

    public static bool Available => File.Exists("/usr/share/perl5/HTTP/OAI.pm");

    public static async Task<(int ExitCode, string Output, string Errors)> HarvestAsync(string baseUrl, string? set, string? from = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"oai-harvest-{Guid.NewGuid():N}.pl");
        await File.WriteAllTextAsync(path, Script);
        try
        {
            var start = new ProcessStartInfo("perl") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
            foreach (var a in new[] { path, baseUrl, set ?? "", from ?? "" })
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
