using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduCloud.Bench.Import;
using EduCloud.Bench.Load;
using EduCloud.Bench.Xapi;

namespace EduCloud.Bench.Exam;

/// <summary>
/// Exam start (issue 5): N students, each with their own bearer token from the real password grant, open and start
/// the same self-test at random moments within the start window, answer every item at random moments over a think
/// time of 30-90 s (scaled by --think), and submit — all through the real server's HTTP endpoints, many connections
/// at once. Each run uses a new quiz (the teacher creates it through the API), so every run is everyone's first start.
/// </summary>
internal static class MeasureExamStart
{
    /// <summary>AnswerDuringStarts/AnswerAfterStarts: the answers sent while some student's start was still unanswered, and the rest.</summary>
    public sealed record Run(Latencies Start, Latencies Answer, Latencies Submit, Latencies AnswerDuringStarts, Latencies AnswerAfterStarts, int Errors, string FirstError, double CpuSeconds, double Wall, string Load, string Work = "");

    public static async Task<string> RunAsync(BenchOptions o, int students, int windowSeconds, double thinkMin, double thinkMax)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Exam start: {students:N0} students start one quiz within {windowSeconds} s, answer over {thinkMin:F0}-{thinkMax:F0} s, submit; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var postgres in new[] { true, false })
        {
            if (postgres ? !o.WantsPostgres : !o.WantsSqlite)
            {
                continue;
            }
            var spec = await DemoDataset.EnsureAsync(o, postgres, "exam");
            await ExamStudents.EnsureAsync(spec, students);
            var runs = new List<Run>();
            await using (var server = ServerProcess.Start(o, spec, $"server-exam-{spec.Provider.ToLowerInvariant()}"))
            {
                await server.WaitFor200Async("/health", TimeSpan.FromSeconds(180));
                var teacher = await server.TokenAsync("teacher", "Demo2026");
                Console.WriteLine($"[{spec.Label}] signing in {students:N0} students");
                var tokens = new string[students];
                var signIn = Stopwatch.StartNew();
                await Parallel.ForEachAsync(Enumerable.Range(0, students), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                    async (i, _) => tokens[i] = await server.TokenAsync(ExamStudents.UserName(i), ExamStudents.Password));
                Console.WriteLine($"[{spec.Label}] {students:N0} tokens in {signIn.Elapsed.TotalSeconds:F0} s");
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
                {
                    BaseAddress = new Uri(server.BaseUrl),
                    Timeout = TimeSpan.FromSeconds(100),
                };
                for (var run = 0; run <= o.Runs; run++)
                {
                    // Run 0 warms the server up with a tenth of the students and is not counted.
                    var quizId = await CreateQuizAsync(http, teacher, run);
                    var meter = await CpuMeter.StartAsync(spec.IsPostgres ? o.PostgresServer : null, spec.IsPostgres ? DemoDataset.DatabaseName(spec) : null, server.Pid);
                    var load = Latencies.LoadAverage();
                    var workBefore = await DatabaseWork.ReadAsync(spec.IsPostgres ? spec.ConnectionString : null);
                    var r = await OneRunAsync(http, tokens.Take(run == 0 ? students / 10 : students).ToArray(), quizId, windowSeconds, thinkMin, thinkMax, run);
                    var (serverCpu, dbCpu) = await meter.StopAsync();
                    var work = await DatabaseWork.AfterAsync(spec.ConnectionString, workBefore);
                    var requestCount = r.Start.Count + r.Answer.Count + r.Submit.Count;
                    r = r with { CpuSeconds = serverCpu + dbCpu, Load = load, Work = work?.PerRequest(requestCount) ?? "" };
                    Console.WriteLine($"[{spec.Label}] run {run}{(run == 0 ? " (warm-up)" : "")}: start p50 {r.Start.P(50):F0} p95 {r.Start.P(95):F0} p99 {r.Start.P(99):F0} ms | answer p50 {r.Answer.P(50):F0} p95 {r.Answer.P(95):F0} p99 {r.Answer.P(99):F0} ms | answer p95 during starts {r.AnswerDuringStarts.P(95):F0} ({r.AnswerDuringStarts.Count}) after {r.AnswerAfterStarts.P(95):F0} ({r.AnswerAfterStarts.Count}) ms | submit p95 {r.Submit.P(95):F0} ms | errors {r.Errors} {r.FirstError} | {r.CpuSeconds:F0} CPU-s over {r.Wall:F0} s | load {load} | server {serverCpu:F0} + db {dbCpu:F0} CPU-s | {r.Work}");
                    if (run > 0)
                    {
                        runs.Add(r);
                    }
                }
            }
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"## {spec.Label} (medians of {runs.Count} runs; load average at each run start: {string.Join(" / ", runs.Select(r => r.Load))})");
            report.AppendLine();
            report.AppendLine("| Request | count per run | p50 ms | p95 ms | p99 ms | max ms | errors (all runs) |");
            report.AppendLine("|---|---|---|---|---|---|---|");
            Row(report, "POST /quizzes/{id}/attempts (start)", runs, r => r.Start, runs.Sum(r => r.Errors));
            Row(report, "PUT /attempts/{id}/answers/{item}", runs, r => r.Answer, null);
            Row(report, "POST /attempts/{id}/submit", runs, r => r.Submit, null);
            Row(report, "  answers sent while starts were under way", runs, r => r.AnswerDuringStarts, null);
            Row(report, "  answers sent after the last start", runs, r => r.AnswerAfterStarts, null);
            var requests = runs.Select(r => (r.Start.Count + r.Answer.Count + r.Submit.Count) / r.CpuSeconds);
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Requests per CPU-second (server + database): {Latencies.Median(requests):F0}; CPU per run {Latencies.Median(runs.Select(r => r.CpuSeconds)):F0} s over {Latencies.Median(runs.Select(r => r.Wall)):F0} s wall. First error seen: {runs.Select(r => r.FirstError).FirstOrDefault(e => e.Length > 0) ?? "none"}.");
            foreach (var r in runs.Where(r => r.Work.Length > 0))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- database work {r.Work}");
            }
        }
        return report.ToString();
    }

    private static void Row(StringBuilder report, string name, List<Run> runs, Func<Run, Latencies> pick, int? errors) =>
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {Latencies.Median(runs.Select(r => (double)pick(r).Count)):F0} | {Latencies.Median(runs.Select(r => pick(r).P(50))):F0} | {Latencies.Median(runs.Select(r => pick(r).P(95))):F0} | {Latencies.Median(runs.Select(r => pick(r).P(99))):F0} | {runs.Max(r => pick(r).P(100)):F0} | {(errors is null ? "(in the row above)" : errors.ToString())} |");

    private static async Task<Guid> CreateQuizAsync(HttpClient http, string teacher, int run)
    {
        using var items = new HttpRequestMessage(HttpMethod.Get, "/api/v1/assessment/items");
        items.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teacher);
        using var itemsResponse = await http.SendAsync(items);
        var bank = await itemsResponse.Content.ReadFromJsonAsync<JsonElement>();
        var itemIds = bank.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessment/quizzes")
        {
            Content = JsonContent.Create(new
            {
                title = $"压力测试自测 {run} {DateTime.UtcNow:HHmmss}", opensAt = DateTime.UtcNow.AddMinutes(-1), closesAt = DateTime.UtcNow.AddHours(2), timeLimitMinutes = 30,
                attemptsAllowed = 1, showAnswers = false, items = itemIds.Select(id => new { itemId = id, points = 10 }), classIds = new[] { ClassId },
            }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", teacher);
        using var response = await http.SendAsync(create);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating the quiz failed: {(int)response.StatusCode} {body}");
        }
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>The class the students are in (set by the command before the runs).</summary>
    public static Guid ClassId { get; set; }

    private static async Task<Run> OneRunAsync(HttpClient http, string[] tokens, Guid quizId, int windowSeconds, double thinkMin, double thinkMax, int seed)
    {
        var start = new Latencies();
        var answer = new Latencies();
        var submit = new Latencies();
        var answerDuringStarts = new Latencies();
        var answerAfterStarts = new Latencies();
        var startsPending = tokens.Length;
        var errors = 0;
        var firstError = "";
        var clock = Stopwatch.StartNew();
        async Task<(bool Ok, string Body)> SendAsync(HttpMethod method, string path, string token, object? body, Latencies into)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    if (Interlocked.Increment(ref errors) == 1) { firstError = $"{method} {path.Split('/')[4]}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}"; }
                    return (false, text);
                }
                return (true, text);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                into.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (Interlocked.Increment(ref errors) == 1) { firstError = $"{method}: {e.GetType().Name} {e.Message}"; }
                return (false, "");
            }
        }
        await Task.WhenAll(tokens.Select(async (token, i) =>
        {
            var random = new Random(seed * 100_003 + i);
            await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * windowSeconds));
            var (ok, text) = await SendAsync(HttpMethod.Post, $"/api/v1/assessment/quizzes/{quizId}/attempts", token, null, start);
            Interlocked.Decrement(ref startsPending);
            if (!ok) { return; }
            using var attempt = JsonDocument.Parse(text);
            var id = attempt.RootElement.GetProperty("id").GetGuid();
            var items = attempt.RootElement.GetProperty("items").EnumerateArray().ToList();
            var think = thinkMin + random.NextDouble() * (thinkMax - thinkMin);
            var moments = items.Select(_ => random.NextDouble() * think).Order().ToList();
            var elapsed = 0.0;
            for (var k = 0; k < items.Count; k++)
            {
                await Task.Delay(TimeSpan.FromSeconds(moments[k] - elapsed));
                elapsed = moments[k];
                var item = items[k];
                var options = item.GetProperty("options");
                var blanks = item.GetProperty("blankCount").GetInt32();
                string[] response = options.GetArrayLength() > 0 ? [options[0].GetProperty("key").GetString()!]
                    : blanks > 0 ? Enumerable.Repeat("答案", blanks).ToArray() : ["我的回答"];
                var during = Volatile.Read(ref startsPending) > 0;
                var sent = Stopwatch.GetTimestamp();
                await SendAsync(HttpMethod.Put, $"/api/v1/assessment/attempts/{id}/answers/{item.GetProperty("quizItemId").GetGuid()}", token, new { response }, answer);
                (during ? answerDuringStarts : answerAfterStarts).Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, think - elapsed)));
            await SendAsync(HttpMethod.Post, $"/api/v1/assessment/attempts/{id}/submit", token, null, submit);
        }));
        return new Run(start, answer, submit, answerDuringStarts, answerAfterStarts, errors, firstError, 0, clock.Elapsed.TotalSeconds, "");
    }
}
