using System.Text;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduCloud.Tests.Kernel;

/// <summary>The one-request intake every module uses for attachments, with the real clamscan and a real blob directory.</summary>
public sealed class FileIntakeTests : IDisposable
{
    private static readonly string[] Allowed = ["pdf", "txt", "png"];
    private readonly string directory = Path.Combine(Path.GetTempPath(), "intake-" + Guid.NewGuid().ToString("N"));
    private readonly FileIntake intake;
    private readonly FileStoreOptions options;

    public FileIntakeTests()
    {
        options = FileStoreOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = directory }).Build());
        intake = new FileIntake(options, new LocalDiskBlobStore(options), new VirusScanner(options, NullLogger<VirusScanner>.Instance));
    }

    [Fact]
    public async Task A_clean_file_is_kept_under_its_hash_and_readable()
    {
        var stored = await intake.KeepAsync("file", "作业.txt", Text("第一题答案：42\n"), 1024, Allowed, CancellationToken.None);

        stored.Format.ShouldBe("txt");
        stored.Bytes.ShouldBe(Encoding.UTF8.GetByteCount("第一题答案：42\n"));
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("第一题答案：42\n"))));
        using var read = new StreamReader(new LocalDiskBlobStore(options).OpenRead(stored.Sha256).ShouldNotBeNull());
        (await read.ReadToEndAsync()).ShouldBe("第一题答案：42\n");
        Directory.GetFiles(options.IncomingDirectory).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("big.txt", "超过大小上限")]
    [InlineData("tool.exe", "文件类型不允许")]
    [InlineData("fake.pdf", "不符")]
    [InlineData("eicar.txt", "病毒")]
    [InlineData("empty.txt", "空文件")]
    public async Task A_refused_file_names_the_field_and_reason_and_leaves_nothing_behind(string name, string reason)
    {
        var content = name switch
        {
            "big.txt" => Text(new string('a', 2000)),
            "fake.pdf" => Text("not a pdf at all"),
            "eicar.txt" => Text(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"),
            "empty.txt" => Text(""),
            _ => Text("MZ..."),
        };

        var error = await Should.ThrowAsync<ValidationFailedException>(() => intake.KeepAsync("attachments", name, content, 1024, Allowed, CancellationToken.None));

        error.Errors.Keys.ShouldBe(["attachments"]);
        error.Errors["attachments"].Single().ShouldContain(reason);
        error.Errors["attachments"].Single().ShouldContain(name);
        (Directory.Exists(options.IncomingDirectory) ? Directory.GetFiles(options.IncomingDirectory) : []).ShouldBeEmpty();
        (Directory.Exists(options.BlobDirectory) ? Directory.GetFiles(options.BlobDirectory, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
