using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Assessment;

/// <summary>试题统计: answered, facility, upper-lower 27 % discrimination and option distribution, per item.</summary>
public sealed class QuizStatisticsTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_teacher_sees_facility_discrimination_and_chosen_options_per_item()
    {
        var school = await SchoolAsync(factory);
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var single = await ItemAsync(teacher, Single(points: 2));
        var judge = await ItemAsync(teacher, TrueFalse(true));
        var quizId = await QuizAsync(teacher, [single, judge], [school.ClassA]);
        // Four students: two strong (both right), one half (single right), one weak (both wrong, single "C").
        string[][] answers = [["B", "T"], ["B", "T"], ["B", "F"], ["C", "F"]];
        foreach (var given in answers)
        {
            var (_, student) = await PersonAsync(factory, "Student", school, school.ClassA);
            var attempt = await StartAsync(student, quizId);
            var id = attempt.GetProperty("id").GetGuid();
            var items = attempt.GetProperty("items");
            await AnswerAsync(student, id, items[0].GetProperty("quizItemId").GetGuid(), given[0]);
            await AnswerAsync(student, id, items[1].GetProperty("quizItemId").GetGuid(), given[1]);
            (await SubmitAsync(student, id)).EnsureSuccessStatusCode();
        }
        // One more student starts but does not submit: not counted.
        var (_, idle) = await PersonAsync(factory, "Student", school, school.ClassA);
        await StartAsync(idle, quizId);

        var stats = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/quizzes/{quizId}/statistics");
        stats.GetProperty("students").GetInt32().ShouldBe(4);
        stats.GetProperty("meanScore").GetDecimal().ShouldBe(2m);
        stats.GetProperty("attempts").GetArrayLength().ShouldBe(5);
        var first = stats.GetProperty("items")[0];
        first.GetProperty("answered").GetInt32().ShouldBe(4);
        first.GetProperty("facility").GetDouble().ShouldBe(0.75);
        // 27 % of 4 is one student per group: the top scorer got it right, the bottom one wrong.
        first.GetProperty("discrimination").GetDouble().ShouldBe(1.0);
        first.GetProperty("options").GetProperty("A").GetInt32().ShouldBe(0);
        first.GetProperty("options").GetProperty("B").GetInt32().ShouldBe(3);
        first.GetProperty("options").GetProperty("C").GetInt32().ShouldBe(1);
        var second = stats.GetProperty("items")[1];
        second.GetProperty("facility").GetDouble().ShouldBe(0.5);
        second.GetProperty("options").GetProperty("T").GetInt32().ShouldBe(2);
    }
}
