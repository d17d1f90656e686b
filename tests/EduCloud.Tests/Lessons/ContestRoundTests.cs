using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Teachers;

namespace EduCloud.Tests.Lessons;

/// <summary>A whole 一师一优课 round over real HTTP: 晒课, scoring, county → city → province → ministry with quotas, results.</summary>
public sealed class ContestRoundTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_round_goes_from_submission_through_three_levels_with_quotas_to_published_awards()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var province = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        using var city = await factory.ClientForAsync(await factory.CreateUserAsync("CityAdmin", "520100"));
        using var nanming = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        using var yunyan = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520102"));
        var roundId = await LessonApi.RoundAsync(national, 2026);

        var a = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var b = await LessonApi.TeacherAsync(factory, "520102", "2 济南的冬天", a.ClassId);
        var c = await LessonApi.TeacherAsync(factory, "520103", "1 春");
        var entryA = await LessonApi.SubmittedAsync(a, roundId);
        var entryB = await LessonApi.SubmittedAsync(b, roundId);
        var entryC = await LessonApi.SubmittedAsync(c, roundId);
        var mine = (await a.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).EnumerateArray().Single();
        mine.GetProperty("edition").GetString().ShouldBe("统编版");
        mine.GetProperty("gradeCode").GetString().ShouldBe("7");
        mine.GetProperty("cataloguePath").GetString()!.ShouldContain("第一单元");
        mine.GetProperty("countyCode").GetString().ShouldBe("520102");

        // 一师一课: a second entry by the same teacher is refused.
        (await LessonApi.ConflictMessageAsync(await LessonApi.SubmitAsync(a, roundId))).ShouldContain("一师一课");
        // Nobody decides during 晒课.
        (await LessonApi.DecideAsync(nanming, entryA, "Recommend")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await LessonApi.AdvanceAsync(national, roundId, "CountyReview");
        (await LessonApi.SubmitAsync(await LessonApi.TeacherAsync(factory, "520102", "1 春", a.ClassId), roundId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // The city gives 南明区 one recommendation; the county cannot raise its own quota.
        (await LessonApi.QuotaAsync(nanming, roundId, "520102", 5)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await LessonApi.QuotaAsync(city, roundId, "520102", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Scoring: a county reviewer and the county bureau; the queue shows only their county, averaged.
        var queue = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/lessons/review-queue")).EnumerateArray()
            .Where(q => q.GetProperty("roundId").GetGuid() == roundId).ToList(); // other tests of the class run rounds of their own
        queue.Select(q => q.GetProperty("entry").GetProperty("id").GetGuid()).ShouldBe([entryA, entryB], ignoreOrder: true);
        (await reviewer.PostAsJsonAsync($"/api/v1/lessons/entries/{entryA}/scores", LessonApi.Points(18, 36, 18, 18))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await (await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entryA}/scores", LessonApi.Points(20, 38, 19, 17))).JsonAsync();
        second.GetProperty("average").GetDouble().ShouldBe(92.0);
        second.GetProperty("count").GetInt32().ShouldBe(2);
        (await yunyan.PostAsJsonAsync($"/api/v1/lessons/entries/{entryA}/scores", LessonApi.Points(1, 1, 1, 1))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // 南明区 recommends A; B would exceed the quota: refused, nothing written.
        await LessonApi.DecidedAsync(nanming, entryA, "Recommend");
        (await LessonApi.ConflictMessageAsync(await LessonApi.DecideAsync(nanming, entryB, "Recommend"))).ShouldContain("推荐名额");
        (await LessonApi.StatusAsync(b, entryB)).ShouldBe("Submitted");
        // With a larger quota, B is still the same grade, subject, edition and chapter as A.
        (await LessonApi.QuotaAsync(city, roundId, "520102", 2)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LessonApi.ConflictMessageAsync(await LessonApi.DecideAsync(nanming, entryB, "Recommend"))).ShouldContain("章节");
        (await LessonApi.StatusAsync(b, entryB)).ShouldBe("Submitted");
        await LessonApi.DecidedAsync(nanming, entryB, "Decline");
        // Scope: 云岩区 cannot decide 南明区's entries; a teacher cannot decide at all.
        (await LessonApi.DecideAsync(yunyan, entryA, "Decline")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await LessonApi.DecideAsync(c.Client, entryC, "Recommend")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The city cannot act in the county phase.
        (await LessonApi.DecideAsync(city, entryA, "Recommend")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await LessonApi.DecidedAsync(yunyan, entryC, "Recommend");

        await LessonApi.AdvanceAsync(national, roundId, "CityReview");
        (await LessonApi.QuotaAsync(province, roundId, "520100", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await LessonApi.DecidedAsync(city, entryA, "Recommend");
        (await LessonApi.ConflictMessageAsync(await LessonApi.DecideAsync(city, entryC, "Recommend"))).ShouldContain("贵阳市");
        await LessonApi.DecidedAsync(city, entryC, "Decline");

        await LessonApi.AdvanceAsync(national, roundId, "ProvinceReview");
        // 部级推荐名额 per province (800 by default) as set by the ministry: 0 refuses, 1 lets A through.
        (await LessonApi.QuotaAsync(national, roundId, "520000", 0)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LessonApi.ConflictMessageAsync(await LessonApi.DecideAsync(province, entryA, "Recommend"))).ShouldContain("部级推荐名额");
        (await LessonApi.StatusAsync(a, entryA)).ShouldBe("CityRecommended");
        (await LessonApi.QuotaAsync(national, roundId, "520000", 1)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await LessonApi.DecidedAsync(province, entryA, "Recommend");

        await LessonApi.AdvanceAsync(national, roundId, "MinistryReview");
        await LessonApi.DecidedAsync(national, entryA, "Recommend");
        (await national.GetAsync($"/api/v1/lessons/results/{roundId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await LessonApi.AdvanceAsync(national, roundId, "Published");

        using var anonymous = factory.CreateClient();
        var results = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/lessons/results/{roundId}");
        var awards = results.GetProperty("awards").EnumerateArray().ToDictionary(x => x.GetProperty("entryId").GetGuid(), x => x.GetProperty("award").GetString());
        awards.ShouldBe(new Dictionary<Guid, string?> { [entryA] = "Ministry", [entryC] = "County" }, ignoreOrder: true);
        var yunyanOnly = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/lessons/results/{roundId}?region=520103");
        yunyanOnly.GetProperty("awards").EnumerateArray().Select(x => x.GetProperty("entryId").GetGuid()).ShouldBe([entryC]);
        var aMine = (await a.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).EnumerateArray().Single();
        aMine.GetProperty("awardName").GetString().ShouldBe("部级优课");
        (await LessonApi.QuotaAsync(national, roundId, "520000", 5)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Scores_are_checked_against_the_rubric_and_the_reviewers_level()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var nanming = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        using var provinceReviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        var roundId = await LessonApi.RoundAsync(national, 2027, new
        {
            year = 2027, name = "2027年度活动", criteria = new[] { new { name = "教学设计", maxPoints = 30 }, new { name = "教学实施", maxPoints = 70 } },
        });
        var t = await LessonApi.TeacherAsync(factory, "520102", "5 秋天的怀念");
        var entry = await LessonApi.SubmittedAsync(t, roundId);
        (await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int> { ["教学设计"] = 30, ["教学实施"] = 60 } }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict); // still 晒课
        await LessonApi.AdvanceAsync(national, roundId, "CountyReview");

        var over = await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int> { ["教学设计"] = 31, ["教学实施"] = 60 } });
        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await over.JsonAsync()).GetProperty("errors").GetProperty("points.教学设计")[0].GetString().ShouldBe("「教学设计」的得分须在0到30之间");
        var missing = await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int> { ["教学设计"] = 20, ["技术应用"] = 10 } });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await missing.JsonAsync()).GetProperty("errors").ToString();
        errors.ShouldContain("缺少「教学实施」的得分");
        errors.ShouldContain("评分细则中没有「技术应用」");
        // A province reviewer sees the entry's region but does not score at the county level; the teacher never scores.
        (await provinceReviewer.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int> { ["教学设计"] = 20, ["教学实施"] = 50 } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await t.Client.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Scoring again replaces the reviewer's own score.
        (await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int> { ["教学设计"] = 20, ["教学实施"] = 50 } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await (await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int> { ["教学设计"] = 25, ["教学实施"] = 65 } })).JsonAsync();
        again.GetProperty("average").GetDouble().ShouldBe(90.0);
        again.GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Rounds_and_entries_refuse_what_their_owner_may_not_do()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var otherProvince = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "110000"));
        using var guizhou = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        // A province administrator runs rounds for their own province only.
        (await otherProvince.PostAsJsonAsync("/api/v1/lessons/rounds", new { year = 2028, name = "贵州省活动", provinceCode = "520000" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherProvince.PostAsJsonAsync("/api/v1/lessons/rounds", new { year = 2028, name = "全国活动" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var provinceRound = await LessonApi.RoundAsync(guizhou, 2028, new { year = 2028, name = "贵州省2028年度活动", provinceCode = "520000" });
        (await otherProvince.PostAsJsonAsync($"/api/v1/lessons/rounds/{provinceRound}/phase", new { phase = "CountyReview" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await guizhou.PostAsJsonAsync($"/api/v1/lessons/rounds/{provinceRound}/phase", new { phase = "CityReview" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var bad = await national.PostAsJsonAsync("/api/v1/lessons/rounds", new { year = 2029, name = "x", criteria = new[] { new { name = "教学设计", maxPoints = 0 } } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("errors").GetProperty("criteria[0].maxPoints")[0].GetString()!.ShouldContain("教学设计");

        // An entry uses the teacher's own resources only.
        var t = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var other = await LessonApi.TeacherAsync(factory, "520102", "2 济南的冬天", t.ClassId);
        var foreign = await LessonApi.SubmitAsync(t, provinceRound, other.DesignId);
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.JsonAsync()).GetProperty("errors").GetProperty("designResourceId")[0].GetString()!.ShouldContain("教学设计");
        (await t.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).GetArrayLength().ShouldBe(0);
        // The other teacher's entry is theirs alone to see.
        var entry = await LessonApi.SubmittedAsync(other, provinceRound);
        (await t.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).GetArrayLength().ShouldBe(0);
        (await LessonApi.StatusAsync(other, entry)).ShouldBe("Submitted");
    }
}
