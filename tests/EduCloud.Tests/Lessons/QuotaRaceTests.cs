using System.Net;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Lessons;

/// <summary>Quotas hold when two bureau staff recommend at the same moment.</summary>
public sealed class QuotaRaceTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task Two_simultaneous_recommendations_cannot_both_take_the_last_place()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var city = await factory.ClientForAsync(await factory.CreateUserAsync("CityAdmin", "520100"));
        using var first = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        using var second = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var roundId = await LessonApi.RoundAsync(national, 2030);
        var a = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var b = await LessonApi.TeacherAsync(factory, "520102", "5 秋天的怀念", a.ClassId);
        var entryA = await LessonApi.SubmittedAsync(a, roundId);
        var entryB = await LessonApi.SubmittedAsync(b, roundId);
        await LessonApi.AdvanceAsync(national, roundId, "CountyReview");
        (await LessonApi.QuotaAsync(city, roundId, "520102", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var answers = await Task.WhenAll(LessonApi.DecideAsync(first, entryA, "Recommend"), LessonApi.DecideAsync(second, entryB, "Recommend"));

        answers.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var statuses = new[] { await LessonApi.StatusAsync(a, entryA), await LessonApi.StatusAsync(b, entryB) };
        statuses.Count(s => s == "CountyRecommended").ShouldBe(1);
        statuses.Count(s => s == "Submitted").ShouldBe(1);
    }
}
