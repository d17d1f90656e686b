using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using EduCloud.Kernel.Files;

namespace EduCloud.Tests.Files;

/// <summary>
/// A real S3-compatible server for the blob-store tests: s3rver (pure JavaScript, pinned in tools/s3rver/package.json,
/// installed by ./test.sh with `npm ci`), started on a free loopback port over a fresh data folder, with one bucket.
/// Docker is not available here, so MinIO is not an option; s3rver speaks the same REST API (SigV4, ranges).
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "educloud-s3", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public string Endpoint { get; private set; } = "";
    public string Bucket { get; } = "educloud-test";

    public S3StoreOptions Options(string prefix = "") =>
        new() { Endpoint = Endpoint, Bucket = Bucket, AccessKey = AccessKey, SecretKey = SecretKey, PathStyle = true, Prefix = prefix };

    /// <summary>A local file of random bytes to put in the bucket: its SHA-256 (the blob key), its path and its bytes.</summary>
    public static (string Sha, string Path, byte[] Bytes) LocalFile(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "educloud-s3-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), path, bytes);
    }

    /// <summary>The directory s3rver keeps its buckets in.</summary>
    public string DataDirectory => _data;

    /// <summary>The settings that point a host at this server (Files:Store = S3).</summary>
    public Dictionary<string, string?> HostSettings(string prefix = "") => new()
    {
        ["Files:Store"] = "S3",
        ["Files:S3:Endpoint"] = Endpoint,
        ["Files:S3:Bucket"] = Bucket,
        ["Files:S3:AccessKey"] = AccessKey,
        ["Files:S3:SecretKey"] = SecretKey,
        ["Files:S3:PathStyle"] = "true",
        ["Files:S3:Prefix"] = prefix,
    };

    /// <summary>Multipart uploads begun and neither completed nor aborted: s3rver keeps each one's parts in a folder.</summary>
    public IReadOnlyList<string> UnfinishedUploads()
    {
        var uploads = Path.Combine(_data, Bucket, "._S3rver_uploads");
        return Directory.Exists(uploads) ? Directory.GetDirectories(uploads).Select(d => Path.GetFileName(d)).ToList() : [];
    }

    /// <summary>A plain client of the SDK, to look into the bucket behind the store's back.</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public async Task InitializeAsync()
    {
        var tools = Path.Combine(RepositoryRoot(), "tools", "s3rver");
        if (!File.Exists(Path.Combine(tools, "node_modules", "s3rver", "bin", "s3rver.js")))
        {
            throw new InvalidOperationException($"s3rver is not installed ({tools}): run ./test.sh or `npm ci --prefix tools/s3rver`");
        }
        // serve.js is s3rver with AbortMultipartUpload added (s3rver 3.7 lacks it), started as the bin script would.
        var script = Path.Combine(tools, "serve.js");
        Directory.CreateDirectory(_data);
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, _data, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
        using var client = Client();
        await client.PutBucketAsync(Bucket);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EduCloud.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (EduCloud.slnx) not found above " + AppContext.BaseDirectory);
    }
}
