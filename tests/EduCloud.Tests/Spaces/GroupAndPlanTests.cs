using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Spaces;

/// <summary>教研组, 名师工作室 and 集体备课 over real HTTP: membership, discussion, plan versions, proposals, conflicts, observations.</summary>
public sealed class GroupAndPlanTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_group_discusses_shares_a_plan_and_a_colleague_proposal_becomes_the_current_version()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var author = await w.ClientAsync(w.Teacher1);
        using var colleague = await w.ClientAsync(w.Teacher2);
        var group = await author.CreatedAsync("/api/v1/spaces/groups", new { name = "三年级语文教研组", kind = "SubjectGroup", subject = "语文" });
        var groupId = group.GetProperty("id").GetGuid();
        (await author.CreatedAsync($"/api/v1/spaces/groups/{groupId}/members", new { userName = w.Teacher2.UserName })).GetProperty("accountId").GetGuid().ShouldBe(w.Teacher2.Id);
        (await author.PostAsJsonAsync($"/api/v1/spaces/groups/{groupId}/members", new { userName = w.Teacher2.UserName })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var notTeacher = await author.PostAsJsonAsync($"/api/v1/spaces/groups/{groupId}/members", new { userName = w.ParentA.UserName });
        (await SpacesWorld.JsonAsync(notTeacher)).Errors("userName").ShouldContain("只能加入教师");

        var topic = await colleague.CreatedAsync($"/api/v1/spaces/groups/{groupId}/posts", new { title = "《秋天的雨》怎么导入？", body = "大家有什么好办法？" });
        var topicId = topic.GetProperty("id").GetGuid();
        await author.CreatedAsync($"/api/v1/spaces/groups/{groupId}/posts", new { parentId = topicId, body = "用一段秋雨的视频。" });
        var thread = await colleague.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/groups/{groupId}/posts/{topicId}");
        thread.GetProperty("replies").GetArrayLength().ShouldBe(1);

        var plan = await author.CreatedAsync("/api/v1/spaces/plans", new
        {
            title = "秋天的雨", stage = "小学", subject = "语文", objectives = "认识生字\n有感情地朗读", process = "导入\n初读\n精读", groupId,
        });
        var planId = plan.GetProperty("id").GetGuid();
        plan.GetProperty("currentVersion").GetInt32().ShouldBe(1);
        var saved = await author.PutAsJsonAsync($"/api/v1/spaces/plans/{planId}", new { basedOn = 1, title = "秋天的雨", objectives = "认识生字\n有感情地朗读", process = "导入\n初读\n精读\n小结", note = "加小结" });
        (await SpacesWorld.JsonAsync(saved)).GetProperty("currentVersion").GetInt32().ShouldBe(2);

        var proposal = await colleague.CreatedAsync($"/api/v1/spaces/plans/{planId}/proposals", new { basedOn = 2, title = "秋天的雨", objectives = "认识生字\n有感情地朗读", process = "视频导入\n初读\n精读\n小结", note = "导入用视频" });
        var number = proposal.GetProperty("number").GetInt32();
        number.ShouldBe(3);
        await colleague.CreatedAsync($"/api/v1/spaces/plans/{planId}/comments", new { body = "过程清楚。" });

        var diff = await author.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/plans/{planId}/diff?from=2&to=3");
        var lines = diff.GetProperty("fields").EnumerateArray().Single().GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("kind").GetString() + ":" + l.GetProperty("text").GetString()).ToList();
        lines.ShouldBe(["removed:导入", "added:视频导入", "same:初读", "same:精读", "same:小结"]);

        (await colleague.PostAsync($"/api/v1/spaces/plans/{planId}/proposals/{number}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var accepted = await SpacesWorld.JsonAsync(await author.PostAsync($"/api/v1/spaces/plans/{planId}/proposals/{number}/accept", null));
        accepted.GetProperty("currentVersion").GetInt32().ShouldBe(3);
        accepted.GetProperty("current").GetProperty("process").GetString()!.ShouldStartWith("视频导入");
        accepted.GetProperty("versions").GetArrayLength().ShouldBe(3);
        accepted.GetProperty("comments").GetArrayLength().ShouldBe(1);

        // Observation of a colleague's lesson.
        var obs = await author.PostAsJsonAsync($"/api/v1/spaces/groups/{groupId}/observations", new
        {
            teacherId = w.Teacher2.Id, topic = "秋天的雨", observedOn = "2026-11-20", ratings = new[] { 5, 4, 4, 5, 4 }, strengths = "朗读指导到位", suggestions = "板书可更清楚",
        });
        obs.StatusCode.ShouldBe(HttpStatusCode.Created);
        var page = await colleague.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/groups/{groupId}");
        page.GetProperty("observations").EnumerateArray().Single().GetProperty("teacherName").GetString().ShouldNotBeNull();
        page.GetProperty("plans").GetArrayLength().ShouldBe(1);
        var badObs = await author.PostAsJsonAsync($"/api/v1/spaces/groups/{groupId}/observations", new { teacherId = w.Teacher1.Id, topic = "", ratings = new[] { 9 } });
        var problem = await SpacesWorld.JsonAsync(badObs);
        problem.Errors("teacherId").ShouldContain("不能评自己的课");
        problem.Errors("ratings").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_stale_edit_or_proposal_is_a_conflict_and_outsiders_see_nothing()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var author = await w.ClientAsync(w.Teacher1);
        using var outsider = await w.ClientAsync(w.Teacher2);
        var planId = (await author.CreatedAsync("/api/v1/spaces/plans", new { title = "比尾巴", stage = "小学", subject = "语文", process = "一" })).GetProperty("id").GetGuid();
        (await author.PutAsJsonAsync($"/api/v1/spaces/plans/{planId}", new { basedOn = 1, title = "比尾巴", process = "二" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await author.PutAsJsonAsync($"/api/v1/spaces/plans/{planId}", new { basedOn = 1, title = "比尾巴", process = "三" });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("教案已更新到第 2 版");
        var empty = await author.PutAsJsonAsync($"/api/v1/spaces/plans/{planId}", new { basedOn = 2, title = "" });
        (await SpacesWorld.JsonAsync(empty)).Errors("title").ShouldContain("课题不能为空");
        var badResource = await author.PutAsJsonAsync($"/api/v1/spaces/plans/{planId}", new { basedOn = 2, title = "比尾巴", resourceIds = new[] { Guid.NewGuid() } });
        (await SpacesWorld.JsonAsync(badResource)).Errors("resourceIds").ShouldContain("引用的资源不存在");

        // Not shared: another teacher cannot read, comment or propose.
        (await outsider.GetAsync($"/api/v1/spaces/plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync($"/api/v1/spaces/plans/{planId}/proposals", new { basedOn = 2, title = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Shared in a studio: a proposal on version 2 cannot be accepted after the author moved to version 3.
        var studio = (await author.CreatedAsync("/api/v1/spaces/groups", new { name = "李老师名师工作室", kind = "Studio" })).GetProperty("id").GetGuid();
        await author.CreatedAsync($"/api/v1/spaces/groups/{studio}/members", new { userName = w.Teacher2.UserName });
        (await author.PostAsJsonAsync($"/api/v1/spaces/plans/{planId}/share", new { groupId = studio })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var proposal = await outsider.CreatedAsync($"/api/v1/spaces/plans/{planId}/proposals", new { basedOn = 2, title = "比尾巴", process = "二（改）" });
        (await author.PutAsJsonAsync($"/api/v1/spaces/plans/{planId}", new { basedOn = 2, title = "比尾巴", process = "四" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var late = await author.PostAsync($"/api/v1/spaces/plans/{planId}/proposals/{proposal.GetProperty("number").GetInt32()}/accept", null);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await author.PostAsync($"/api/v1/spaces/plans/{planId}/proposals/{proposal.GetProperty("number").GetInt32()}/reject", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A studio is for teachers; a group's page is for its members.
        using var parent = await w.ClientAsync(w.ParentA);
        (await parent.PostAsJsonAsync("/api/v1/spaces/groups", new { name = "家长组", kind = "Studio" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await parent.GetAsync($"/api/v1/spaces/groups/{studio}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsJsonAsync($"/api/v1/spaces/groups/{studio}/members", new { userName = w.Teacher1.UserName })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
