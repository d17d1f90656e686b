using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Data;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Resources;
using EduCloud.Tests.Teachers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Lessons;

/// <summary>
/// Changes before judging: a teacher edits or withdraws their entry until it is scored, and the organiser edits the
/// rubric until the first score; afterwards both are refused with a Chinese reason (409).
/// </summary>
public sealed partial class ContestEditTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static object Edit(string? title, Guid design, string? description = null, Guid? courseware = null) =>
        new { title, description, designResourceId = design, coursewareResourceId = courseware };

    private static async Task<JsonElement> MineAsync(Teacher teacher, Guid entryId) =>
        (await teacher.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == entryId);

    private static object Score(int design, int delivery, int effect, int tech) => LessonApi.Points(design, delivery, effect, tech);

    [Fact]
    public async Task A_teacher_edits_their_entry_until_it_is_scored_then_gets_a_reason()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        using var nanming = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var roundId = await LessonApi.RoundAsync(national, 2030);
        var t = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var entry = await LessonApi.SubmittedAsync(t, roundId);
        (await MineAsync(t, entry)).GetProperty("editable").GetBoolean().ShouldBeTrue();

        // A second design of the teacher's at another lesson, and a courseware: the edit moves the entry in the catalogue.
        var node = await ResourceApi.NodeAsync(t.Client, "初中", "语文", "统编版", "七年级上册", "第二单元", "5 秋天的怀念");
        var design = (await ResourceApi.CreateAsync(t.Client, ResourceApi.Version(await ResourceApi.UploadedAsync(t.Client, "d2.pdf", ResourceApi.Pdf("秋")), node, "《秋天的怀念》教学设计"),
            submit: false)).GetProperty("id").GetGuid();
        var edited = await t.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{entry}", Edit(" 秋天的怀念：母爱 ", design, "以朗读体会母爱。", t.DesignId));
        var json = await edited.JsonAsync();
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("title").GetString().ShouldBe("秋天的怀念：母爱");
        json.GetProperty("description").GetString().ShouldBe("以朗读体会母爱。");
        json.GetProperty("designResourceId").GetGuid().ShouldBe(design);
        json.GetProperty("coursewareResourceId").GetGuid().ShouldBe(t.DesignId);
        json.GetProperty("cataloguePath").GetString()!.ShouldContain("秋天的怀念");

        // Bad input names its field; another teacher's resource is not a material; nobody else edits the entry.
        var blank = await t.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{entry}", Edit("  ", design));
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await blank.JsonAsync()).GetProperty("errors").GetProperty("title")[0].GetString().ShouldBe("课题不能为空");
        var longText = await t.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{entry}", Edit("课题", design, new string('长', 2001)));
        (await longText.JsonAsync()).GetProperty("errors").GetProperty("description")[0].GetString()!.ShouldContain("2000");
        var other = await LessonApi.TeacherAsync(factory, "520102", "2 济南的冬天", t.ClassId);
        var foreign = await t.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{entry}", Edit("课题", design, courseware: other.DesignId));
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.JsonAsync()).GetProperty("errors").GetProperty("coursewareResourceId")[0].GetString()!.ShouldContain("本人");
        (await other.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{entry}", Edit("别人的课", other.DesignId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.DeleteAsync($"/api/v1/lessons/entries/{entry}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // County review opens: still editable until the first score, then refused with the reason.
        await LessonApi.AdvanceAsync(national, roundId, "CountyReview");
        (await t.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{entry}", Edit("秋天的怀念", design))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", Score(18, 35, 18, 17))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LessonApi.ConflictMessageAsync(await t.Client.PutAsJsonAsync($"/api/v1/lessons/entries/{entry}", Edit("再改一次", design))))
            .ShouldBe("该课例已有评审打分，不能再修改");
        (await LessonApi.ConflictMessageAsync(await t.Client.DeleteAsync($"/api/v1/lessons/entries/{entry}"))).ShouldBe("该课例已有评审打分，不能再撤回");
        var after = await MineAsync(t, entry);
        after.GetProperty("title").GetString().ShouldBe("秋天的怀念");
        after.GetProperty("editable").GetBoolean().ShouldBeFalse();
        await AuditedAsync(entry.ToString(), AuditActions.Update, t.User.Id);
    }

    [Fact]
    public async Task A_withdrawn_entry_is_gone_and_the_teacher_may_enter_again()
    {
        using var national = await factory.ClientForAsync(await factory.CreateUserAsync("NationalAdmin"));
        var roundId = await LessonApi.RoundAsync(national, 2031);
        var t = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var entry = await LessonApi.SubmittedAsync(t, roundId);

        (await t.Client.DeleteAsync($"/api/v1/lessons/entries/{entry}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await t.Client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/entries/mine")).GetArrayLength().ShouldBe(0);
        (await t.Client.DeleteAsync($"/api/v1/lessons/entries/{entry}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await AuditedAsync(entry.ToString(), AuditActions.Delete, t.User.Id);
        // 一师一课 counts entries that stand: the place is free again.
        await LessonApi.SubmittedAsync(t, roundId);
    }

    [Fact]
    public async Task The_organiser_edits_the_rubric_until_the_first_score()
    {
        var organiser = await factory.CreateUserAsync("ProvinceAdmin", "520000");
        using var guizhou = await factory.ClientForAsync(organiser);
        using var otherProvince = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "110000"));
        using var nanming = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var roundId = await LessonApi.RoundAsync(guizhou, 2032, new { year = 2032, name = "贵州省2032年度活动", provinceCode = "520000" });
        var rubric = $"/api/v1/lessons/rounds/{roundId}/rubric";

        var notHundred = await guizhou.PutAsJsonAsync(rubric, new { criteria = new[] { new { name = "教学设计", maxPoints = 30 }, new { name = "教学实施", maxPoints = 60 } } });
        notHundred.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notHundred.JsonAsync()).GetProperty("errors").GetProperty("criteria")[0].GetString().ShouldBe("各评分项满分之和须为100分（现为90分）");
        var unnamed = await guizhou.PutAsJsonAsync(rubric, new { criteria = new[] { new { name = "", maxPoints = 50 }, new { name = "教学实施", maxPoints = 50 } } });
        (await unnamed.JsonAsync()).GetProperty("errors").GetProperty("criteria[0].name")[0].GetString().ShouldBe("评分项名称不能为空");
        // Another province's bureau is not the organiser: the scope guard refuses it.
        (await otherProvince.PutAsJsonAsync(rubric, new { criteria = new[] { new { name = "整体", maxPoints = 100 } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var changed = await guizhou.PutAsJsonAsync(rubric, new { criteria = new[] { new { name = "教学设计", maxPoints = 40 }, new { name = "课堂实录", maxPoints = 60 } } });
        var round = await changed.JsonAsync();
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, round.ToString());
        round.GetProperty("criteria").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("maxPoints").GetInt32()}").ShouldBe(["教学设计 40", "课堂实录 60"]);
        round.GetProperty("rubricEditable").GetBoolean().ShouldBeTrue();
        await AuditedAsync(roundId.ToString(), AuditActions.Update, organiser.Id);

        // Scores follow the new rubric; after the first one the rubric is fixed.
        var t = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var entry = await LessonApi.SubmittedAsync(t, roundId);
        await LessonApi.AdvanceAsync(guizhou, roundId, "CountyReview");
        var scored = await nanming.PostAsJsonAsync($"/api/v1/lessons/entries/{entry}/scores", new { points = new Dictionary<string, int> { ["教学设计"] = 35, ["课堂实录"] = 50 } });
        scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        (await LessonApi.ConflictMessageAsync(await guizhou.PutAsJsonAsync(rubric, new { criteria = new[] { new { name = "整体", maxPoints = 100 } } })))
            .ShouldBe("该活动已开始评分，评分细则不能再修改");
        (await guizhou.GetFromJsonAsync<JsonElement>($"/api/v1/lessons/rounds/{roundId}")).GetProperty("rubricEditable").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_pages_offer_the_edit_withdraw_and_rubric_forms_and_show_refusals()
    {
        var organiser = await factory.CreateUserAsync("NationalAdmin");
        using var national = await factory.ClientForAsync(organiser);
        var roundId = await LessonApi.RoundAsync(national, 2033);
        var t = await LessonApi.TeacherAsync(factory, "520102", "1 春");
        var entry = await LessonApi.SubmittedAsync(t, roundId);

        using var teacher = new BrowserSession(factory);
        (await teacher.SignInAsync(t.User)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await teacher.Http.GetStringAsync("/lessons");
        page.ShouldContain("data-testid=\"edit-entry\"");
        var token = BrowserSession.AntiforgeryToken(page);
        async Task<string> PostAsync(BrowserSession session, string action, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = token;
            var response = await session.Http.PostAsync(action, new FormUrlEncodedContent(fields));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            return Uri.UnescapeDataString(response.Headers.Location!.ToString());
        }
        (await PostAsync(teacher, "/lessons/actions/edit-entry", new() { ["entryId"] = entry.ToString(), ["title"] = "", ["design"] = t.DesignId.ToString() }))
            .ShouldContain("课题不能为空");
        (await PostAsync(teacher, "/lessons/actions/edit-entry", new() { ["entryId"] = entry.ToString(), ["title"] = "春：朗读", ["description"] = "<b>简介</b>", ["design"] = t.DesignId.ToString() }))
            .ShouldBe("/lessons?done=Edit");
        var edited = await teacher.Http.GetStringAsync("/lessons");
        edited.ShouldContain("春：朗读");
        edited.ShouldContain("&lt;b&gt;简介&lt;/b&gt;");
        (await PostAsync(teacher, "/lessons/actions/withdraw-entry", new() { ["entryId"] = entry.ToString() })).ShouldBe("/lessons?done=Withdraw");
        (await teacher.Http.GetStringAsync("/lessons")).ShouldNotContain("春：朗读");

        using var bureau = new BrowserSession(factory);
        (await bureau.SignInAsync(organiser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var rounds = await bureau.Http.GetStringAsync("/lessons/rounds");
        rounds.ShouldContain("data-testid=\"rubric\"");
        token = BrowserSession.AntiforgeryToken(rounds);
        var form = new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("roundId", roundId.ToString()),
            new("name", "教学设计"), new("max", "50"), new("name", "教学实施"), new("max", "40"), new("name", ""), new("max", "")]);
        var refused = await bureau.Http.PostAsync("/lessons/actions/rubric", form);
        Uri.UnescapeDataString(refused.Headers.Location!.ToString()).ShouldContain("各评分项满分之和须为100分（现为90分）");
        var ok = await bureau.Http.PostAsync("/lessons/actions/rubric", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("roundId", roundId.ToString()),
            new("name", "教学设计"), new("max", "50"), new("name", "教学实施"), new("max", "50"), new("name", ""), new("max", "")]));
        ok.Headers.Location!.ToString().ShouldBe("/lessons/rounds?done=Rubric");
        (await bureau.Http.GetStringAsync("/lessons/rounds")).ShouldContain("教学实施 50");
    }

    /// <summary>The change is in the audit trail under the acting user (not the platform).</summary>
    private async Task AuditedAsync(string entityId, string action, Guid actorId)
    {
        var lines = await factory.AsPlatformAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().Where(e => e.EntityId == entityId).ToListAsync());
        lines.ShouldContain(l => l.Action == action && l.ActorId == actorId, string.Join("\n", lines.Select(l => $"{l.Action} {l.ActorId} {l.EntityType}")));
    }
}
