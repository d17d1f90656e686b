using EduCloud.Bench.Dataset;
using EduCloud.Bench.Load;

namespace EduCloud.Bench;

/// <summary>
/// dotnet run -c Release --project bench/EduCloud.Bench -- [generate|throughput|coldstart|all|rollup] [--schools N] [--accounts N] [--db sqlite|postgres|both]
/// dotnet run -c Release --project bench/EduCloud.Bench -- promotion [--runs 5] [--db sqlite|postgres|both]
/// dotnet run -c Release --project bench/EduCloud.Bench -- import [--rows 1000000] [--baseline-rows 20000] [--runs 1] [--db sqlite|postgres|both] [--process cold|warm]
///   (import-one --db D --file F --baseline-rows 0 [--process warm] [--ceiling yes|per-index]: one measurement; --ceiling adds the raw bulk-load ceiling of the same rows, ADR 0034; per-index adds one load per index, each into index-free copies plus that one index)
/// dotnet run -c Release --project bench/EduCloud.Bench -- monitoring [--schools 10000] [--runs 7]
/// dotnet run -c Release --project bench/EduCloud.Bench -- monitoring-national [--schools 500000] [--runs 5] [--clients 8] [--seconds 10]
/// dotnet run -c Release --project bench/EduCloud.Bench -- monitoring-http [--schools 50000] [--clients 8] [--seconds 10]
/// dotnet run -c Release --project bench/EduCloud.Bench -- report [--schools 20000] [--runs 3] [--national]
/// dotnet run -c Release --project bench/EduCloud.Bench -- search [--docs 1000000] [--engines own,lucene,sqlite,postgres] [--runs 3] [--duration 2]
///     [--samples "1 character;2 characters"] [--search-dir DIR] [--reuse-lucene]
/// dotnet run -c Release --project bench/EduCloud.Bench -- xapi [--db postgres|sqlite|both] [--statements 10000000] [--runs 3] [--batch 1000] [--clients 16]
///   [--parts batches,singles,singles-wrk,singles-ids,raw] [--queries 0 = none] [--server-dll other/EduCloud.Server.dll] [--postgres "Host=...;Maximum Pool Size=20"]
///   [--server-pool 30 = the server's own pool size, for --clients 64 with the raw loop]
/// dotnet run -c Release --project bench/EduCloud.Bench -- exam [--db postgres|sqlite|both] [--students 2000] [--window 10] [--think-min 30] [--think-max 90] [--runs 3]
///   [--server-dll other/EduCloud.Server.dll] [--port 5784] [--data-root DIR] [--dataset-suffix _NAME]
/// dotnet run -c Release --project bench/EduCloud.Bench -- stream [--megabytes 200] [--runs 5] [--seeks 200] [--viewers 4]
/// dotnet run -c Release --project bench/EduCloud.Bench -- blobstore [--megabytes 200] [--small-files 500] [--small-kib 64] [--runs 3] [--seeks 100]
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "import" or "import-one")
        {
            return await ImportCommandAsync(args);
        }
        if (args.Length > 0 && args[0] == "monitoring")
        {
            var schools = args.SkipWhile(a => a != "--schools").Skip(1).Select(int.Parse).FirstOrDefault(10_000);
            var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(7);
            Console.WriteLine(Monitoring.MeasureIndicatorRollup.Run(schools, runs));
            return 0;
        }
        if (args.Length > 0 && args[0] == "monitoring-national")
        {
            int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
            Console.WriteLine(await Monitoring.MeasureNationalScale.RunAsync(BenchOptions.Parse([]), Arg("--schools", 500_000), Arg("--runs", 5), Arg("--clients", 8), Arg("--seconds", 10)));
            return 0;
        }
        if (args.Length > 0 && args[0] == "monitoring-http")
        {
            int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
            Console.WriteLine(await Monitoring.MeasureDashboardHttp.RunAsync(BenchOptions.Parse([]), Arg("--schools", 50_000), Arg("--clients", 8), Arg("--seconds", 10)));
            return 0;
        }
        if (args.Length > 0 && args[0] == "report")
        {
            var schools = args.SkipWhile(a => a != "--schools").Skip(1).Select(int.Parse).FirstOrDefault(20_000);
            var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(3);
            Console.WriteLine(Monitoring.MeasureReport.Run(schools, runs, args.Contains("--national")));
            return 0;
        }
        if (args.Length > 0 && args[0] == "search")
        {
            return await SearchCommandAsync(args);
        }
        if (args.Length > 0 && args[0] == "xapi")
        {
            return await XapiCommandAsync(args);
        }
        if (args.Length > 0 && args[0] == "exam")
        {
            return await ExamCommandAsync(args);
        }
        if (args.Length > 0 && args[0] == "stream")
        {
            return await StreamCommandAsync(args);
        }
        if (args.Length > 0 && args[0] == "blobstore")
        {
            return await BlobStoreCommandAsync(args);
        }
        var o = BenchOptions.Parse(args);
        if (o.Command == "promotion")
        {
            Console.WriteLine($"EduCloud bench: promotion of a 3,000-student school, {o.Runs} runs, db={o.Databases}");
            var table = await Promotion.MeasurePromotion.RunAsync(o);
            Console.WriteLine(table);
            return 0;
        }
        if (o.Command == "rollup")
        {
            // Its own population (students, not accounts), generated in PostgreSQL and copied once for the SQLite leg
            // (--db postgres|sqlite|both); defaults to 30,000 schools.
            o = args.Contains("--schools") ? o : o with { Schools = 30_000 };
            Console.WriteLine($"EduCloud bench: rollup, {o.Students:N0} students, {o.Schools:N0} schools, {o.Runs} runs");
            var table = await Rollup.MeasureRollup.RunAsync(o);
            Directory.CreateDirectory(o.ResultsRoot);
            var path = Path.Combine(o.ResultsRoot, $"rollup-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
            await File.WriteAllTextAsync(path, table);
            Console.WriteLine(table);
            Console.WriteLine($"written {path}");
            return 0;
        }
        Console.WriteLine($"EduCloud bench: {o.Command}, {o.Schools:N0} schools, {o.Accounts:N0} accounts, db={o.Databases}");
        var counties = new[] { o.County };
        var results = new List<BenchResult>();
        foreach (var postgres in new[] { false, true })
        {
            if (postgres ? !o.WantsPostgres : !o.WantsSqlite)
            {
                continue;
            }
            var spec = await GenerateDataset.EnsureAsync(o, postgres, counties);
            if (o.Command is "throughput" or "all")
            {
                results.Add(await MeasureThroughput.RunAsync(o, spec));
            }
            if (o.Command is "coldstart" or "all")
            {
                results.Add(await MeasureColdStart.RunAsync(o, spec));
            }
        }
        if (results.Count > 0)
        {
            await ResultsFile.WriteAsync(o, results);
        }
        return 0;
    }

    /// <summary>The resource search figures (issue 4): our bigram index beside Lucene.NET, SQLite FTS5 and PostgreSQL.</summary>
    private static async Task<int> SearchCommandAsync(string[] args)
    {
        var options = EduCloud.Server.Cli.CliCommands.ParseOptions(args.Skip(1).ToArray());
        string Opt(string name, string fallback) => options.GetValueOrDefault(name) ?? fallback;
        int Int(string name, string fallback) => int.Parse(Opt(name, fallback).Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var o = new BenchOptions { PostgresServer = Opt("postgres", new BenchOptions().PostgresServer) };
        var engines = Opt("engines", "own,lucene,sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var samples = options.GetValueOrDefault("samples")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var table = await Search.MeasureSearch.RunAsync(o, Int("docs", "1000000"), engines, Int("runs", "3"), TimeSpan.FromSeconds(Int("duration", "2")),
            options.GetValueOrDefault("search-dir"), options.ContainsKey("reuse-lucene"), samples);
        Directory.CreateDirectory(o.ResultsRoot);
        var path = Path.Combine(o.ResultsRoot, $"search-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, table);
        Console.WriteLine(table);
        Console.WriteLine($"written {path}");
        return 0;
    }

    /// <summary>The statement ingest and query figures (issue 5), on the demo province plus a bulk-loaded statement store.</summary>
    private static async Task<int> XapiCommandAsync(string[] args)
    {
        var options = EduCloud.Server.Cli.CliCommands.ParseOptions(args.Skip(1).ToArray());
        int Int(string name, int fallback) => options.GetValueOrDefault(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var o = new BenchOptions
        {
            Databases = options.GetValueOrDefault("db") ?? "postgres", Runs = Int("runs", 3), DurationSeconds = Int("duration", 10), WarmupSeconds = Int("warmup", 3),
            Port = Int("port", 5783), Regenerate = options.ContainsKey("regenerate"),
            DataRootOverride = options.GetValueOrDefault("data-root") is { } root ? Path.GetFullPath(root) : null, DatasetSuffix = options.GetValueOrDefault("dataset-suffix") ?? "",
            PostgresServer = options.GetValueOrDefault("postgres") ?? new BenchOptions().PostgresServer,
            ServerDllOverride = options.GetValueOrDefault("server-dll") is { } dll ? Path.GetFullPath(dll) : null,
            ServerPool = Int("server-pool", 0),
        };
        // --phases ingest,fill,queries (default all): e.g. build the store once, then only re-run the queries.
        var phases = (options.GetValueOrDefault("phases") ?? "ingest,fill,queries").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        // --parts batches,singles,raw (default all): which ingest paths the ingest phase measures.
        var parts = (options.GetValueOrDefault("parts") ?? "batches,singles,raw").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var table = await Xapi.MeasureXapi.RunAsync(o, Int("statements", 10_000_000), Int("batch", 1000), Int("batch-clients", 4), Int("batch-total", 100_000),
            Int("clients", 16), Int("queries", 200), phases, parts);
        Directory.CreateDirectory(o.ResultsRoot);
        var path = Path.Combine(o.ResultsRoot, $"xapi-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, table);
        Console.WriteLine(table);
        Console.WriteLine($"written {path}");
        return 0;
    }

    /// <summary>The exam-start figures (issue 5): many students start one self-test at once, answer and submit.</summary>
    private static async Task<int> ExamCommandAsync(string[] args)
    {
        var options = EduCloud.Server.Cli.CliCommands.ParseOptions(args.Skip(1).ToArray());
        int Int(string name, int fallback) => options.GetValueOrDefault(name) is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var o = new BenchOptions
        {
            Databases = options.GetValueOrDefault("db") ?? "both", Runs = Int("runs", 3), Port = Int("port", 5784), Regenerate = options.ContainsKey("regenerate"),
            DataRootOverride = options.GetValueOrDefault("data-root") is { } root ? Path.GetFullPath(root) : null, DatasetSuffix = options.GetValueOrDefault("dataset-suffix") ?? "",
            ServerDllOverride = options.GetValueOrDefault("server-dll") is { } dll ? Path.GetFullPath(dll) : null,
        };
        var students = Int("students", 2000);
        foreach (var postgres in new[] { true, false })
        {
            if (postgres ? o.WantsPostgres : o.WantsSqlite)
            {
                var spec = await Xapi.DemoDataset.EnsureAsync(o, postgres, "exam");
                Exam.MeasureExamStart.ClassId = (await Exam.ExamStudents.EnsureAsync(spec, students)).ClassId;
            }
        }
        var table = await Exam.MeasureExamStart.RunAsync(o with { Regenerate = false }, students, Int("window", 10), Int("think-min", 30), Int("think-max", 90));
        Directory.CreateDirectory(o.ResultsRoot);
        var path = Path.Combine(o.ResultsRoot, $"exam-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, table);
        Console.WriteLine(table);
        Console.WriteLine($"written {path}");
        return 0;
    }

    /// <summary>The streaming figures (issue 4): a large video through the real server beside Kestrel's file result.</summary>
    /// <summary>The storage figures (issue 4): the S3 blob store against s3rver beside the local-disk store, in one run.</summary>
    private static async Task<int> BlobStoreCommandAsync(string[] args)
    {
        var options = EduCloud.Server.Cli.CliCommands.ParseOptions(args.Skip(1).ToArray());
        int Int(string name, int fallback) => options.GetValueOrDefault(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var o = new BenchOptions();
        var table = await Stream.MeasureBlobStores.RunAsync(o, Int("megabytes", 200), Int("small-files", 500), Int("small-kib", 64), Int("runs", 3), Int("seeks", 100));
        Directory.CreateDirectory(o.ResultsRoot);
        var path = Path.Combine(o.ResultsRoot, $"blobstore-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, table);
        Console.WriteLine(table);
        Console.WriteLine($"written {path}");
        return 0;
    }

    private static async Task<int> StreamCommandAsync(string[] args)
    {
        var options = EduCloud.Server.Cli.CliCommands.ParseOptions(args.Skip(1).ToArray());
        int Int(string name, int fallback) => options.GetValueOrDefault(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var o = new BenchOptions();
        var table = await Stream.MeasureStreaming.RunAsync(o, Int("megabytes", 200), Int("runs", 5), Int("seeks", 200), Int("viewers", 4));
        Directory.CreateDirectory(o.ResultsRoot);
        var path = Path.Combine(o.ResultsRoot, $"stream-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, table);
        Console.WriteLine(table);
        Console.WriteLine($"written {path}");
        return 0;
    }

    /// <summary>The student import figures (issue 3): `import` drives, `import-one` is one measurement in a child process.</summary>
    private static async Task<int> ImportCommandAsync(string[] args)
    {
        var options = EduCloud.Server.Cli.CliCommands.ParseOptions(args.Skip(1).ToArray());
        string Opt(string name, string fallback) => options.GetValueOrDefault(name) ?? fallback;
        var o = new BenchOptions { Databases = Opt("db", "both"), PostgresServer = Opt("postgres", new BenchOptions().PostgresServer) };
        var baseline = int.Parse(Opt("baseline-rows", "20000"), System.Globalization.CultureInfo.InvariantCulture);
        return args[0] == "import-one"
            ? await Import.ImportRun.RunAsync(Opt("db", "sqlite"), Opt("file", ""), baseline, o, Opt("process", "cold") == "warm", Opt("ceiling", "no"))
            : await Import.MeasureImport.RunAsync(o, int.Parse(Opt("rows", "1000000"), System.Globalization.CultureInfo.InvariantCulture), baseline,
                int.Parse(Opt("runs", "1"), System.Globalization.CultureInfo.InvariantCulture), Opt("process", "cold"));
    }
}
