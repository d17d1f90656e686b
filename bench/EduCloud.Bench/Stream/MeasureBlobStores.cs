using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using EduCloud.Kernel.Files;

namespace EduCloud.Bench.Stream;

/// <summary>
/// Issue 4, storage: the product's <see cref="IBlobStore"/> with the S3 store (against s3rver, the S3-compatible
/// server of the tests, started here as test.sh installs it) beside the local-disk store, in the same run and
/// interleaved per round: putting a large file (multipart above Files:S3:PartBytes), reading it whole, 1 MiB reads at
/// random offsets (a player seeking), and many small files put and read one by one. CPU is counted for the bench
/// process and for s3rver (the store's server is part of the cost); memory is the peak resident set over the phase.
/// </summary>
internal static class MeasureBlobStores
{
    private const int CopyBuffer = 64 * 1024; // what ASP.NET Core's file results copy with

    public static async Task<string> RunAsync(BenchOptions o, int megabytes, int smallFiles, int smallKiB, int runs, int seeks)
    {
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var work = Path.Combine(Path.GetTempPath(), "educloud-blobbench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(work, "incoming"));
        using var s3rver = await S3rver.StartAsync(o.RepoRoot, Path.Combine(work, "s3rver"));
        try
        {
            var options = new S3StoreOptions { Endpoint = s3rver.Endpoint, Bucket = "educloud-bench", AccessKey = S3rver.Key, SecretKey = S3rver.Key };
            var stores = new (string Name, IBlobStore Store)[]
            {
                ("Local disk", new LocalDiskBlobStore(new FileStoreOptions { BlobDirectory = Path.Combine(work, "blobs") })),
                ($"S3 (s3rver, parts of {options.PartBytes / 1048576} MiB)", new S3BlobStore(options)),
            };
            var big = RandomFile(Path.Combine(work, "big.bin"), (long)megabytes * 1048576, 1);
            var small = Enumerable.Range(0, smallFiles).Select(i => RandomFile(Path.Combine(work, $"small-{i}.bin"), smallKiB * 1024L, 100 + i)).ToList();
            Console.WriteLine($"blob stores: {megabytes} MiB file, {smallFiles} × {smallKiB} KiB, {runs} rounds; s3rver at {s3rver.Endpoint}; load {load}");
            var results = stores.ToDictionary(s => s.Name, _ => new Dictionary<string, List<Phase>>());
            var random = new Random(7);
            for (var run = 0; run < runs; run++)
            {
                foreach (var (name, store) in stores)
                {
                    void Add(string op, Phase p)
                    {
                        (results[name].TryGetValue(op, out var l) ? l : results[name][op] = []).Add(p);
                        Console.WriteLine(Inv($"round {run + 1} {name} {op}: {p.Bytes / 1048576.0 / p.Wall:F1} MiB/s, {p.Wall * 1000:F0} ms, CPU bench {p.BenchCpu:F2} s + s3rver {p.ServerCpu:F2} s, peak RSS +{p.BenchPeakMiB:F0} MiB / s3rver {p.ServerPeakMiB:F0} MiB"));
                    }
                    var copy = Incoming(work, big.Path);
                    Add("put large", await Measure(s3rver, big.Bytes, () => store.PutAsync(big.Sha, copy, CancellationToken.None)));
                    Add("read large whole", await Measure(s3rver, big.Bytes, async () =>
                    {
                        await using var read = await store.OpenReadAsync(big.Sha, CancellationToken.None) ?? throw new InvalidOperationException("blob missing");
                        var buffer = new byte[CopyBuffer];
                        long total = 0;
                        for (int n; (n = await read.ReadAsync(buffer)) > 0;)
                        {
                            total += n;
                        }
                        Check(total == big.Bytes, "short read");
                    }));
                    var latencies = new List<double>();
                    Add("1 MiB at random offsets", await Measure(s3rver, (long)seeks * 1048576, async () =>
                    {
                        await using var read = await store.OpenReadAsync(big.Sha, CancellationToken.None) ?? throw new InvalidOperationException("blob missing");
                        var buffer = new byte[1048576];
                        for (var i = 0; i < seeks; i++)
                        {
                            var clock = Stopwatch.StartNew();
                            read.Seek(random.NextInt64(big.Bytes - buffer.Length), SeekOrigin.Begin);
                            await read.ReadExactlyAsync(buffer);
                            latencies.Add(clock.Elapsed.TotalMilliseconds);
                        }
                    }) with { Latencies = latencies });
                    var copies = small.Select(f => Incoming(work, f.Path)).ToList();
                    Add($"put {smallFiles} small", await Measure(s3rver, small.Sum(f => f.Bytes), async () =>
                    {
                        for (var i = 0; i < small.Count; i++)
                        {
                            await store.PutAsync(small[i].Sha, copies[i], CancellationToken.None);
                        }
                    }) with { Files = smallFiles });
                    Add($"read {smallFiles} small", await Measure(s3rver, small.Sum(f => f.Bytes), async () =>
                    {
                        foreach (var f in small)
                        {
                            await using var read = await store.OpenReadAsync(f.Sha, CancellationToken.None) ?? throw new InvalidOperationException("blob missing");
                            await read.CopyToAsync(System.IO.Stream.Null);
                        }
                    }) with { Files = smallFiles });
                    // Content-addressed: the next round must really upload again.
                    foreach (var sha in small.Select(f => f.Sha).Append(big.Sha))
                    {
                        await store.DeleteAsync(sha, CancellationToken.None);
                    }
                }
            }
            return Table(results, megabytes, smallFiles, smallKiB, runs, seeks, load);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Table(Dictionary<string, Dictionary<string, List<Phase>>> results, int megabytes, int smallFiles, int smallKiB, int runs, int seeks, string load)
    {
        var md = new StringBuilder();
        md.AppendLine(Inv($"IBlobStore, {megabytes} MiB file and {smallFiles} files of {smallKiB} KiB, {runs} rounds (medians), stores interleaved per round; {seeks} reads of 1 MiB at random offsets; load average at start {load}, at end {File.ReadAllText("/proc/loadavg").Trim()}."));
        md.AppendLine();
        md.AppendLine("| Store | Operation | MiB/s (wall) | files/s | MiB per CPU-second (bench + s3rver) | CPU s bench / s3rver | p50 / p99 ms per 1 MiB read | peak RSS bench +MiB / s3rver MiB |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (store, ops) in results)
        {
            foreach (var (op, phases) in ops)
            {
                double M(Func<Phase, double> f) => EduCloud.Bench.Search.TimeQueries.Median(phases.Select(f));
                var all = phases.SelectMany(p => p.Latencies ?? []).Order().ToList();
                md.AppendLine(Inv($"| {store} | {op} | {M(p => p.Bytes / 1048576.0 / p.Wall):N1} | {(phases[0].Files > 0 ? M(p => p.Files / p.Wall).ToString("N0", CultureInfo.InvariantCulture) : "")} | {M(p => p.Bytes / 1048576.0 / Math.Max(0.01, p.BenchCpu + p.ServerCpu)):N1} | {M(p => p.BenchCpu):F2} / {M(p => p.ServerCpu):F2} | {(all.Count > 0 ? Inv($"{EduCloud.Bench.Search.TimeQueries.Percentile(all, 0.5):F1} / {EduCloud.Bench.Search.TimeQueries.Percentile(all, 0.99):F1}") : "")} | {M(p => p.BenchPeakMiB):F0} / {M(p => p.ServerPeakMiB):F0} |"));
            }
        }
        return md.ToString();
    }

    private static async Task<Phase> Measure(S3rver server, long bytes, Func<Task> phase)
    {
        GC.Collect();
        var benchStart = Rss(Environment.ProcessId);
        long benchPeak = benchStart, serverPeak = Rss(server.Pid);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                benchPeak = Math.Max(benchPeak, Rss(Environment.ProcessId));
                serverPeak = Math.Max(serverPeak, Rss(server.Pid));
                await Task.Delay(5);
            }
        });
        var (benchCpu, serverCpu) = (CpuSeconds(Environment.ProcessId), CpuSeconds(server.Pid));
        var clock = Stopwatch.StartNew();
        await phase();
        var wall = clock.Elapsed.TotalSeconds;
        var phaseCpu = (CpuSeconds(Environment.ProcessId) - benchCpu, CpuSeconds(server.Pid) - serverCpu);
        await stop.CancelAsync();
        await sampler;
        return new Phase(bytes, wall, phaseCpu.Item1, phaseCpu.Item2, (benchPeak - benchStart) / 1048576.0, serverPeak / 1048576.0);
    }

    /// <summary>utime + stime of a process from /proc (clock ticks of 10 ms).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    /// <summary>A file of seeded random bytes (the stores see incompressible content) and its SHA-256.</summary>
    private static (string Path, string Sha, long Bytes) RandomFile(string path, long bytes, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[1048576];
        using (var file = File.Create(path))
        {
            for (long left = bytes; left > 0; left -= buffer.Length)
            {
                random.NextBytes(buffer);
                file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
            }
        }
        using var read = File.OpenRead(path);
        return (path, Convert.ToHexStringLower(SHA256.HashData(read)), bytes);
    }

    /// <summary>A copy in the incoming folder, as an upload leaves it after its checks (a put moves or deletes it).</summary>
    private static string Incoming(string work, string source)
    {
        var copy = Path.Combine(work, "incoming", Guid.NewGuid().ToString("N"));
        File.Copy(source, copy);
        return copy;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException(what);
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record Phase(long Bytes, double Wall, double BenchCpu, double ServerCpu, double BenchPeakMiB, double ServerPeakMiB)
    {
        public List<double>? Latencies { get; init; }
        public int Files { get; init; }
    }

    /// <summary>s3rver (tools/s3rver/serve.js, installed by test.sh with npm ci) on a free loopback port, with the bench's bucket.</summary>
    private sealed class S3rver : IDisposable
    {
        public const string Key = "S3RVER";
        private readonly Process _process;

        private S3rver(Process process, string endpoint)
        {
            _process = process;
            Endpoint = endpoint;
        }

        public string Endpoint { get; }
        public int Pid => _process.Id;

        public static async Task<S3rver> StartAsync(string repoRoot, string data)
        {
            var script = Path.Combine(repoRoot, "tools", "s3rver", "serve.js");
            if (!File.Exists(Path.Combine(repoRoot, "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js")))
            {
                throw new InvalidOperationException("s3rver is not installed: run `npm ci --prefix tools/s3rver` (test.sh does)");
            }
            Directory.CreateDirectory(data);
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { script, data, "127.0.0.1", port.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new S3rver(process, $"http://127.0.0.1:{port}");
            for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
            {
                try
                {
                    using var socket = new TcpClient();
                    await socket.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
                {
                }
            }
            using var client = new AmazonS3Client(new BasicAWSCredentials(Key, Key), new AmazonS3Config { ServiceURL = server.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
            await client.PutBucketAsync("educloud-bench");
            return server;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            _process.Dispose();
        }
    }
}
