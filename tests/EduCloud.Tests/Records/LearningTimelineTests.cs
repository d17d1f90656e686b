using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Records;

/// <summary>学习生涯记录: the learner's acts from the LRS in plain Chinese, newest first, filtered and paged, for the learner, their parents and teachers only.</summary>
public sealed class LearningTimelineTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Homework_and_quiz_acts_show_in_plain_chinese_to_the_student_parent_and_teacher_only()
    {
        var school = await SchoolAsync(factory, "生涯记录中学");
        var (teacherUser, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (student, studentClient) = await PersonAsync(factory, "Student", school, school.ClassA);
        var (other, _) = await PersonAsync(factory, "Student", school, school.ClassA);
        var (_, otherTeacher) = await PersonAsync(factory, "Teacher", school, school.ClassB);

        var hw = await Homework.HomeworkApi.SetIdAsync(teacher, Homework.HomeworkApi.Body(school.ClassA, title: "古诗默写"));
        var submission = await Homework.HomeworkApi.SubmittedAsync(studentClient, hw);
        await (await Homework.HomeworkApi.MarkAsync(teacher, submission.GetProperty("id").GetGuid(), new { decision = "Publish", score = 88 })).ExpectAsync(HttpStatusCode.OK);
        var quizId = await QuizAsync(teacher, [await ItemAsync(teacher, Single(points: 2))], [school.ClassA]);
        var attempt = await StartAsync(studentClient, quizId);
        var attemptId = attempt.GetProperty("id").GetGuid();
        await (await AnswerAsync(studentClient, attemptId, attempt.GetProperty("items")[0].GetProperty("quizItemId").GetGuid(), "B")).ExpectAsync(HttpStatusCode.NoContent);
        await (await SubmitAsync(studentClient, attemptId)).ExpectAsync(HttpStatusCode.OK);

        var mine = await (await studentClient.GetAsync($"/api/v1/records/timeline/{student.Id}")).ExpectAsync(HttpStatusCode.OK);
        var texts = mine.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        texts[0].ShouldBe("完成自测《第一单元自测》，得分 2 / 2");
        texts.ShouldContain("开始自测《第一单元自测》");
        texts.ShouldContain("作业《古诗默写》已批阅，得分 88 / 100");
        texts.ShouldContain("提交作业《古诗默写》");
        texts.ShouldNotContain(t => t.Contains("第1题")); // answered items are left out

        var parent = await factory.CreateUserAsync("Parent", childIds: [student.Id]);
        using var parentClient = await factory.ClientForAsync(parent);
        var homework = await (await parentClient.GetAsync($"/api/v1/records/timeline/{student.Id}?kind=homework")).ExpectAsync(HttpStatusCode.OK);
        homework.GetProperty("entries").EnumerateArray().ShouldAllBe(e => e.GetProperty("kind").GetString() == "homework");
        homework.GetProperty("entries").GetArrayLength().ShouldBe(2);
        var first = await (await teacher.GetAsync($"/api/v1/records/timeline/{student.Id}?take=1")).ExpectAsync(HttpStatusCode.OK);
        var next = first.GetProperty("next").GetInt64();
        var second = await (await teacher.GetAsync($"/api/v1/records/timeline/{student.Id}?take=1&before={next}")).ExpectAsync(HttpStatusCode.OK);
        second.GetProperty("entries")[0].GetProperty("text").GetString().ShouldBe(texts[1]);
        var thisMonth = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        (await (await studentClient.GetAsync($"/api/v1/records/timeline/{student.Id}?month={thisMonth}")).ExpectAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength().ShouldBe(texts.Count);
        (await (await studentClient.GetAsync($"/api/v1/records/timeline/{student.Id}?month=2020-01")).ExpectAsync(HttpStatusCode.OK)).GetProperty("entries").GetArrayLength().ShouldBe(0);

        var bad = await (await studentClient.GetAsync($"/api/v1/records/timeline/{student.Id}?month=2026-13&kind=games")).ExpectAsync(HttpStatusCode.BadRequest);
        FirstError(bad, "month").ShouldContain("yyyy-MM");
        FirstError(bad, "kind").ShouldContain("homework");

        // Scope: another student, another family's parent, a teacher of another class: 404.
        using var otherClient = await factory.ClientForAsync(other);
        (await otherClient.GetAsync($"/api/v1/records/timeline/{student.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherParent = await factory.CreateUserAsync("Parent", childIds: [other.Id]);
        using var otherParentClient = await factory.ClientForAsync(otherParent);
        (await otherParentClient.GetAsync($"/api/v1/records/timeline/{student.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherTeacher.GetAsync($"/api/v1/records/timeline/{student.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var page = new BrowserSession(factory);
        (await page.SignInAsync(parent)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await page.Http.GetStringAsync("/timeline");
        html.ShouldContain("完成自测《第一单元自测》，得分 2 / 2");
        html.Length.ShouldBeLessThan(40_000);
        (await page.Http.GetStringAsync("/timeline?month=2026-99")).ShouldContain("validation-message");
        using var otherPage = new BrowserSession(factory);
        (await otherPage.SignInAsync(otherParent)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await otherPage.Http.GetStringAsync($"/timeline/{student.Id}")).ShouldNotContain("第一单元自测");
        _ = teacherUser;
    }
}
