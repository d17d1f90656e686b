using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Homework.Features.Analytics;
using EduCloud.Organization.Contracts;
using EduCloud.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static EduCloud.Tests.Homework.HomeworkApi;

namespace EduCloud.Tests.Homework;

/// <summary>Class analytics: the numbers, the at-risk rule, and the page and the .xlsx export showing the same figures.</summary>
public sealed partial class AnalyticsTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task The_page_and_the_export_show_the_same_numbers_and_flag_students_at_risk()
    {
        var c = await ClassAsync(factory, students: 3);
        // The five due dates (now-5 .. now-1) must fall in one term whatever today is: near a term's start, step back.
        var now = DateTime.UtcNow;
        while (Term.Of(now.AddDays(-7)) != Term.Of(now))
        {
            now = now.AddDays(-1);
        }
        var term = Term.Of(now).Code;
        // Five past assignments out of 10 points; student 0 does everything well, student 1 stops handing in,
        // student 2 keeps handing in but the recent scores fall.
        double?[][] scores =
        [
            [9, 10, 9, 10, 9],
            [8, 7, null, null, null],
            [9, 9, 5, 4, 5],
        ];
        await SeedAsync(c, now, scores);

        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(c.Teacher)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await teacher.Http.GetStringAsync($"/homework/analytics?classId={c.ClassId}&term={term}");
        var xlsx = await teacher.Http.GetAsync($"/api/v1/homework/analytics.xlsx?classId={c.ClassId}&term={term}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());

        var pageAssignments = Table(html, "hw-analytics-assignments");
        var pageStudents = Table(html, "hw-analytics-students");
        pageAssignments.Count.ShouldBe(6);
        pageStudents.Count.ShouldBe(3);
        Same(pageAssignments, book.Worksheet("作业"));
        Same(pageStudents, book.Worksheet("学生"));

        var total = pageAssignments[^1];
        total[0].ShouldBe("合计");
        total[2].ShouldBe("15"); // 3 students x 5 assignments
        total[3].ShouldBe("12");
        total[5].ShouldBe("80.0");
        var atRisk = pageStudents.Where(r => r[6] == "是").Select(r => r[7]).ToList();
        atRisk.Count.ShouldBe(2);
        atRisk.ShouldContain(r => r.Contains("最近3次作业未交3次"));
        atRisk.ShouldContain(r => r.Contains("得分率下降（90.0→46.7）"));
    }

    [Fact]
    public async Task Another_teacher_gets_no_analytics_of_a_class_not_theirs()
    {
        var c = await ClassAsync(factory, students: 1);
        var other = await ClassAsync(factory, students: 0, name: "另一所小学");
        (await other.TeacherClient.GetAsync($"/api/v1/homework/analytics?classId={c.ClassId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await c.TeacherClient.GetAsync($"/api/v1/homework/analytics?classId={c.ClassId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await c.StudentClients[0].GetAsync($"/api/v1/homework/analytics?classId={c.ClassId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task SeedAsync(HomeworkClass c, DateTime now, double?[][] scores) => await factory.AsPlatformAsync(async sp =>
    {
        var db = sp.GetRequiredService<HomeworkDbContext>();
        var place = (await sp.GetRequiredService<IOrganizationDirectory>().FindClassAsync(c.ClassId, default))!;
        for (var i = 0; i < 5; i++)
        {
            var a = new Assignment
            {
                SetId = Guid.NewGuid(), TeacherId = c.Teacher.Id, Title = $"练习{i + 1}", Subject = "数学", MaxScore = 10, DueAt = now.AddDays(-5 + i), Deadline = DeadlineRule.Soft,
                CreatedAt = now.AddDays(-7), ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode,
                SchoolId = place.SchoolId, ClassId = c.ClassId,
            };
            db.Assignments.Add(a);
            for (var s = 0; s < scores.Length; s++)
            {
                if (scores[s][i] is { } score)
                {
                    db.Submissions.Add(new Submission
                    {
                        AssignmentId = a.Id, StudentId = c.Students[s].Id, StudentName = "学生" + s, Status = SubmissionStatus.Marked, Score = score,
                        SubmittedAt = a.DueAt.AddHours(s == 2 && i == 4 ? 1 : -1), Late = s == 2 && i == 4, FirstSubmittedAt = a.DueAt.AddHours(-1),
                        ProvinceCode = a.ProvinceCode, CityCode = a.CityCode, CountyCode = a.CountyCode, SchoolId = a.SchoolId, ClassId = a.ClassId,
                    });
                }
            }
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>The body rows of the page's table, each cell's text decoded.</summary>
    private static List<string[]> Table(string html, string testId)
    {
        var table = Regex.Match(html, $"data-testid=\"{testId}\".*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return Row().Matches(table).Select(r => Cell().Matches(r.Groups[1].Value).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<.*?>", "")).Trim()).ToArray()).ToList();
    }

    /// <summary>Every page cell equals the export's cell: numbers as numbers, "—" as an empty cell, text as text.</summary>
    private static void Same(List<string[]> page, IXLWorksheet sheet)
    {
        sheet.LastRowUsed()!.RowNumber().ShouldBe(page.Count + 1);
        for (var r = 0; r < page.Count; r++)
        {
            for (var col = 0; col < page[r].Length; col++)
            {
                var cell = sheet.Cell(r + 2, col + 1);
                var shown = page[r][col];
                var where = $"{sheet.Name} row {r + 2} column {col + 1}";
                if (shown == "—")
                {
                    cell.IsEmpty().ShouldBeTrue(where);
                }
                else if (cell.DataType == XLDataType.Number)
                {
                    cell.GetDouble().ShouldBe(double.Parse(shown, CultureInfo.InvariantCulture), where);
                }
                else
                {
                    cell.GetString().ShouldBe(shown, where);
                }
            }
        }
    }

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
