using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Assessment;

/// <summary>知识点掌握: per student and knowledge point from the latest attempts, pending marks left out, and the page and .xlsx agreeing.</summary>
public sealed class MasteryTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static object Tagged(string kind, int points, string[] knowledgePoints, object? options = null) => kind == "ShortAnswer"
        ? new { kind, stem = "简述光合作用的意义。", stageCode = "junior", subjectCode = "shengwu", points, knowledgePoints, referenceAnswer = "把光能转化为化学能。" }
        : new { kind, stem = "贵州省的省会是哪座城市？", stageCode = "junior", subjectCode = "dili", points, knowledgePoints, options };

    [Fact]
    public async Task Mastery_counts_the_latest_attempts_leaves_out_pending_marks_and_the_export_matches()
    {
        var school = await SchoolAsync(factory, "掌握率测试中学");
        var (teacherUser, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var capital = await ItemAsync(teacher, Tagged("SingleChoice", 2, ["省会"],
            new[] { new { text = "遵义", correct = false }, new { text = "贵阳", correct = true } }));
        var primes = await ItemAsync(teacher, Multiple(points: 3));        // tagged 质数
        var essay = await ItemAsync(teacher, Tagged("ShortAnswer", 5, ["光合作用"]));
        var untagged = await ItemAsync(teacher, TrueFalse());
        var quizId = await QuizAsync(teacher, [capital, primes, essay, untagged], [school.ClassA]);

        var (strong, strongClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var attempt = await StartAsync(strongClient, quizId);
        var ids = attempt.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("quizItemId").GetGuid()).ToArray();
        await AnswerAsync(strongClient, attempt.GetProperty("id").GetGuid(), ids[0], "B");
        await AnswerAsync(strongClient, attempt.GetProperty("id").GetGuid(), ids[1], "A", "C");
        await AnswerAsync(strongClient, attempt.GetProperty("id").GetGuid(), ids[2], "光能变成化学能，放出氧气。");
        (await SubmitAsync(strongClient, attempt.GetProperty("id").GetGuid())).EnsureSuccessStatusCode();

        var (_, weakClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var weakAttempt = await StartAsync(weakClient, quizId);
        await AnswerAsync(weakClient, weakAttempt.GetProperty("id").GetGuid(), ids[0], "A");
        (await SubmitAsync(weakClient, weakAttempt.GetProperty("id").GetGuid())).EnsureSuccessStatusCode();
        await PersonAsync(factory, "Student", school, school.ClassA); // never started: a row without evidence

        var report = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/mastery?classId={school.ClassA}");
        report.GetProperty("knowledgePoints").EnumerateArray().Select(p => p.GetString()).ShouldBe(["光合作用", "省会", "质数"]);
        report.GetProperty("students").GetArrayLength().ShouldBe(3);
        var strongRow = Row(report, strong.Id);
        Percents(strongRow).ShouldBe([null, 100.0, 100.0]); // the essay waits for marking: not evidence yet
        var weakRow = report.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetGuid() != strong.Id && Percents(s)[1] is not null);
        Percents(weakRow).ShouldBe([0.0, 0.0, 0.0]);
        weakRow.GetProperty("weak").EnumerateArray().Select(w => w.GetString()).ShouldBe(["光合作用", "省会", "质数"]);
        Percents(report.GetProperty("class")).ShouldBe([0.0, 50.0, 50.0]);

        // The teacher marks the essay 4 of 5: it now counts, for the student and for the class (4 of 10).
        var mark = await teacher.PostAsJsonAsync($"/api/v1/assessment/attempts/{attempt.GetProperty("id").GetGuid()}/answers/{ids[2]}/mark", new { score = 4, comment = "要点齐全" });
        mark.EnsureSuccessStatusCode();
        report = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/mastery?classId={school.ClassA}");
        Percents(Row(report, strong.Id)).ShouldBe([80.0, 100.0, 100.0]);
        Percents(report.GetProperty("class")).ShouldBe([40.0, 50.0, 50.0]);

        // The export prints the same numbers, row for row.
        var xlsx = await teacher.GetAsync($"/api/v1/assessment/mastery.xlsx?classId={school.ClassA}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet("知识点掌握");
        sheet.Cell(1, 2).GetString().ShouldBe("光合作用");
        var students = report.GetProperty("students").EnumerateArray().ToList();
        for (var r = 0; r < students.Count; r++)
        {
            sheet.Cell(r + 2, 1).GetString().ShouldBe(students[r].GetProperty("name").GetString());
            for (var c = 0; c < 3; c++)
            {
                var cell = sheet.Cell(r + 2, c + 2);
                (cell.IsEmpty() ? (double?)null : cell.GetDouble()).ShouldBe(Percents(students[r])[c]);
            }
        }
        sheet.Cell(students.Count + 2, 1).GetString().ShouldBe("班级");
        sheet.Cell(students.Count + 2, 2).GetDouble().ShouldBe(40.0);

        // The page shows the same table.
        using var session = new BrowserSession(factory);
        (await session.SignInAsync(teacherUser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await session.Http.GetStringAsync($"/assess/mastery?classId={school.ClassA}");
        page.ShouldContain("<th>40.0</th>");
        page.ShouldContain("data-testid=\"mastery-export\"");
    }

    [Fact]
    public async Task Another_class_or_an_unknown_class_is_not_found()
    {
        var school = await SchoolAsync(factory, "掌握率范围中学");
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        (await teacher.GetAsync($"/api/v1/assessment/mastery?classId={school.ClassB}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync($"/api/v1/assessment/mastery?classId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (_, student) = await PersonAsync(factory, "Student", school, school.ClassA);
        (await student.GetAsync($"/api/v1/assessment/mastery?classId={school.ClassA}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin", schoolId: school.SchoolId));
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/mastery?classId={school.ClassB}")).GetProperty("knowledgePoints").GetArrayLength().ShouldBe(0);
    }

    private static JsonElement Row(JsonElement report, Guid studentId) =>
        report.GetProperty("students").EnumerateArray().Single(s => s.GetProperty("studentId").GetGuid() == studentId);

    private static double?[] Percents(JsonElement row) =>
        [.. (row.ValueKind == JsonValueKind.Array ? row : row.GetProperty("points")).EnumerateArray()
            .Select(p => p.GetProperty("percent").ValueKind == JsonValueKind.Null ? (double?)null : p.GetProperty("percent").GetDouble())];
}
