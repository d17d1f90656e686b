using System.Globalization;
using System.Text;
using System.Xml;
using EduCloud.Resources.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Oai;

/// <summary>
/// OAI-PMH 2.0 at /oai (GET or form POST, no sign-in: published metadata is public): Identify, ListMetadataFormats,
/// ListSets, ListIdentifiers, ListRecords, GetRecord, with the protocol's own error codes. This file parses and
/// checks the arguments and writes the envelope; HarvestRecords reads the records.
/// </summary>
internal static class OaiEndpoint
{
    public const string OaiNamespace = "http://www.openarchives.org/OAI/2.0/";
    public const string OaiSchema = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";

    private static readonly Dictionary<string, (string[] Required, string[] Optional, bool Resumable)> Verbs = new()
    {
        ["Identify"] = ([], [], false),
        ["ListMetadataFormats"] = ([], ["identifier"], false),
        ["ListSets"] = ([], [], true),
        ["ListIdentifiers"] = (["metadataPrefix"], ["from", "until", "set"], true),
        ["ListRecords"] = (["metadataPrefix"], ["from", "until", "set"], true),
        ["GetRecord"] = (["identifier", "metadataPrefix"], [], false),
    };

    /// <summary>A protocol error: its code and a message for people.</summary>
    internal sealed class OaiError(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }

    public static async Task<IResult> HandleAsync(HttpContext http, ResourcesDbContext db, ResourcesOptions options, TimeProvider clock, CancellationToken ct)
    {
        var args = await ArgumentsAsync(http.Request, ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/oai";
        var harvest = new HarvestRecords(db, options, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}");
        var now = clock.GetUtcNow().UtcDateTime;
        byte[] body;
        try
        {
            var verb = CheckArguments(args);
            body = await DocumentAsync(now, async w =>
            {
                WriteRequest(w, baseUrl, args);
                await harvest.WriteAsync(w, verb, args.ToDictionary(a => a.Key, a => a.Value[0]), ct);
            });
        }
        catch (OaiError e)
        {
            // An error answer is written afresh (whatever was begun is dropped). On badVerb and badArgument the
            // protocol wants the request element without attributes; otherwise the arguments were all legal.
            body = await DocumentAsync(now, w =>
            {
                if (e.Code is "badVerb" or "badArgument")
                {
                    w.WriteElementString("request", OaiNamespace, baseUrl);
                }
                else
                {
                    WriteRequest(w, baseUrl, args);
                }
                w.WriteStartElement("error", OaiNamespace);
                w.WriteAttributeString("code", e.Code);
                w.WriteString(e.Message);
                w.WriteEndElement();
                return Task.CompletedTask;
            });
        }
        return Results.Bytes(body, "text/xml; charset=utf-8");
    }

    private static async Task<byte[]> DocumentAsync(DateTime now, Func<XmlWriter, Task> content)
    {
        var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("OAI-PMH", OaiNamespace);
            w.WriteAttributeString("xmlns", "xsi", null, WriteMetadata.XsiNamespace);
            w.WriteAttributeString("xsi", "schemaLocation", WriteMetadata.XsiNamespace, OaiNamespace + " " + OaiSchema);
            w.WriteElementString("responseDate", OaiNamespace, Stamp(now));
            await content(w);
            w.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static async Task<Dictionary<string, string[]>> ArgumentsAsync(HttpRequest request, CancellationToken ct)
    {
        var args = request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(ct))
            {
                args[key] = [.. args.GetValueOrDefault(key, []), .. value.Select(v => v ?? "")];
            }
        }
        return args;
    }

    /// <summary>The verb, after the arguments are checked against it (badVerb / badArgument otherwise).</summary>
    private static string CheckArguments(Dictionary<string, string[]> args)
    {
        if (!args.TryGetValue("verb", out var verbs) || verbs.Length != 1 || !Verbs.TryGetValue(verbs[0], out var rule))
        {
            throw new OaiError("badVerb", verbs is { Length: > 1 } ? "verb 参数重复" : "缺少或无法识别的 verb 参数");
        }
        var verb = verbs[0];
        if (args.FirstOrDefault(a => a.Value.Length > 1) is { Key: not null } repeated)
        {
            throw new OaiError("badArgument", $"参数 {repeated.Key} 重复");
        }
        var given = args.Keys.Where(k => k != "verb").ToList();
        if (rule.Resumable && given.Contains("resumptionToken"))
        {
            if (given.Count > 1)
            {
                throw new OaiError("badArgument", "resumptionToken 必须单独使用");
            }
            return verb;
        }
        if (given.FirstOrDefault(k => !rule.Required.Contains(k) && !rule.Optional.Contains(k)) is { } illegal)
        {
            throw new OaiError("badArgument", $"{verb} 不接受参数 {illegal}");
        }
        if (rule.Required.FirstOrDefault(k => !given.Contains(k)) is { } missing)
        {
            throw new OaiError("badArgument", $"{verb} 缺少必需参数 {missing}");
        }
        return verb;
    }

    private static void WriteRequest(XmlWriter w, string baseUrl, Dictionary<string, string[]> args)
    {
        w.WriteStartElement("request", OaiNamespace);
        foreach (var (key, value) in args.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            w.WriteAttributeString(key, value[0]);
        }
        w.WriteString(baseUrl);
        w.WriteEndElement();
    }

    public static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A from/until argument: day (YYYY-MM-DD) or seconds (YYYY-MM-DDThh:mm:ssZ) granularity, as the inclusive lower
    /// bound and the exclusive upper bound it stands for (until 2026-11-23 includes that whole day).
    /// </summary>
    public static (DateTime Start, DateTime EndExclusive, bool Day) ParseDate(string value, string name)
    {
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            return (DateTime.SpecifyKind(day, DateTimeKind.Utc), DateTime.SpecifyKind(day.AddDays(1), DateTimeKind.Utc), true);
        }
        if (DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var second))
        {
            return (DateTime.SpecifyKind(second, DateTimeKind.Utc), DateTime.SpecifyKind(second.AddSeconds(1), DateTimeKind.Utc), false);
        }
        throw new OaiError("badArgument", $"{name} 的格式应为 YYYY-MM-DD 或 YYYY-MM-DDThh:mm:ssZ");
    }

    public static async Task<DateTime?> EarliestAsync(ResourcesDbContext db, CancellationToken ct) =>
        await db.OaiRecords.OrderBy(r => r.Datestamp).Select(r => (DateTime?)r.Datestamp).FirstOrDefaultAsync(ct);
}
