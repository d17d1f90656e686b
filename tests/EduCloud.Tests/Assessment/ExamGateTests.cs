using Microsoft.Extensions.Configuration;
using System.Net;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Assessment;

/// <summary>
/// 开考: a class starts one self-test at the same moment through a gate of 2 (Assessment:ExamConcurrency): every start
/// is served (queued, not refused), each student gets exactly one attempt, and a double start returns the same one.
/// </summary>
public sealed class ExamGateTests : IAsyncLifetime
{
    private readonly EduCloudFactory factory = new();

    public async Task InitializeAsync()
    {
        factory.Settings["Assessment:ExamConcurrency"] = "2";
        await factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)factory).DisposeAsync();

    [Fact]
    public async Task A_class_starting_at_once_is_queued_through_the_gate_and_nobody_gets_two_attempts()
    {
        var school = await SchoolAsync(factory, "开考测试中学");
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var quizId = await QuizAsync(teacher, [await ItemAsync(teacher, Single()), await ItemAsync(teacher, TrueFalse())], [school.ClassA]);
        var students = new List<HttpClient>();
        for (var i = 0; i < 24; i++)
        {
            students.Add((await PersonAsync(factory, "Student", school, school.ClassA)).Client);
        }

        // Every student starts twice at once (a double click), all 48 requests together.
        var starts = await Task.WhenAll(students.SelectMany(s => new[] { s, s }).Select(s => s.PostAsync($"/api/v1/assessment/quizzes/{quizId}/attempts", null)));
        starts.Select(r => r.StatusCode).Distinct().ShouldBe([HttpStatusCode.OK]);
        var ids = await Task.WhenAll(starts.Select(async r => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid()));
        ids.Distinct().Count().ShouldBe(students.Count);
        Enumerable.Range(0, students.Count).ShouldAllBe(n => ids[2 * n] == ids[2 * n + 1]);

        var answers = await Task.WhenAll(students.Select(async (s, n) =>
        {
            var attempt = ids[2 * n];
            var view = await StartAsync(s, quizId);
            view.GetProperty("id").GetGuid().ShouldBe(attempt);
            return await AnswerAsync(s, attempt, view.GetProperty("items")[0].GetProperty("quizItemId").GetGuid(), "B");
        }));
        answers.Select(r => r.StatusCode).Distinct().ShouldBe([HttpStatusCode.NoContent]);
        var submitted = await Task.WhenAll(students.Select((s, n) => SubmitAsync(s, ids[2 * n])));
        submitted.Select(r => r.StatusCode).Distinct().ShouldBe([HttpStatusCode.OK]);

        var stats = await (await teacher.GetAsync($"/api/v1/assessment/quizzes/{quizId}/statistics")).ExpectAsync(HttpStatusCode.OK);
        stats.GetProperty("students").GetInt32().ShouldBe(students.Count);
        stats.GetProperty("attempts").GetArrayLength().ShouldBe(students.Count);
    }
}

/// <summary>The gate's two lanes: a queue of starts never holds up an answer or a submission.</summary>
public sealed class ExamGateLaneTests
{
    [Fact]
    public async Task An_answer_passes_while_every_start_permit_is_taken_and_starts_queue()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Assessment:ExamConcurrency"] = "2", ["Assessment:ExamAnswerConcurrency"] = "1" }).Build();
        using var gate = new EduCloud.Assessment.Features.Attempts.ExamGate(configuration);
        using var first = await gate.EnterAsync(EduCloud.Assessment.Features.Attempts.ExamGate.Kind.Start, CancellationToken.None);
        using var second = await gate.EnterAsync(EduCloud.Assessment.Features.Attempts.ExamGate.Kind.Start, CancellationToken.None);
        var queuedStart = gate.EnterAsync(EduCloud.Assessment.Features.Attempts.ExamGate.Kind.Start, CancellationToken.None).AsTask();

        var answer = gate.EnterAsync(EduCloud.Assessment.Features.Attempts.ExamGate.Kind.Answer, CancellationToken.None).AsTask();

        answer.IsCompletedSuccessfully.ShouldBeTrue();
        (await answer).IsAcquired.ShouldBeTrue();
        queuedStart.IsCompleted.ShouldBeFalse();
        (await answer).Dispose();
        var queuedAnswer = gate.EnterAsync(EduCloud.Assessment.Features.Attempts.ExamGate.Kind.Answer, CancellationToken.None).AsTask();
        queuedAnswer.IsCompletedSuccessfully.ShouldBeTrue();
        first.Dispose();
        (await queuedStart).IsAcquired.ShouldBeTrue();
        (await queuedAnswer).Dispose();
        (await queuedStart).Dispose();
    }
}
