using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Spaces;

/// <summary>家校通知 over real HTTP: recipients resolved from the roster and guardian links, receipts, scope refusals.</summary>
public sealed class NoticeTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_teacher_notice_reaches_the_class_parents_who_read_and_acknowledge_and_the_sender_sees_the_counts()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var teacher = await w.ClientAsync(w.Teacher1);
        var id = await SpacesWorld.SentNoticeAsync(teacher, new { title = "家长会通知", body = "本周五下午三点召开家长会。", classIds = new[] { w.Class1 }, needsAcknowledgement = true });

        var counts = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/notices/{id}/receipts");
        counts.GetProperty("counts").GetProperty("recipients").GetInt32().ShouldBe(2); // parents A and B, not C (class 2 only)
        counts.GetProperty("notRead").GetArrayLength().ShouldBe(2);

        using var parentA = await w.ClientAsync(w.ParentA);
        var inbox = await parentA.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notices/inbox");
        inbox.EnumerateArray().Single().GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var opened = await parentA.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/notices/{id}");
        opened.GetProperty("title").GetString().ShouldBe("家长会通知");
        opened.GetProperty("receipt").GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
        opened.GetProperty("counts").ValueKind.ShouldBe(JsonValueKind.Null);

        (await parentA.PostAsync($"/api/v1/spaces/notices/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await parentA.PostAsync($"/api/v1/spaces/notices/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        counts = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/notices/{id}/receipts");
        counts.GetProperty("counts").GetProperty("read").GetInt32().ShouldBe(1);
        counts.GetProperty("counts").GetProperty("acknowledged").GetInt32().ShouldBe(1);
        counts.GetProperty("notRead").EnumerateArray().Single().GetProperty("accountId").GetGuid().ShouldBe(w.ParentB.Id);
        var sent = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notices/sent");
        sent.EnumerateArray().Single().GetProperty("acknowledged").GetInt32().ShouldBe(1);

        // A recipient may not see the receipts of others.
        using var parentB = await w.ClientAsync(w.ParentB);
        (await parentB.GetAsync($"/api/v1/spaces/notices/{id}/receipts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_family_cannot_read_the_notice_and_a_class_not_yours_is_forbidden()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var teacher = await w.ClientAsync(w.Teacher1);
        var id = await SpacesWorld.SentNoticeAsync(teacher, new { title = "春游", body = "下周春游。", classIds = new[] { w.Class1 } });

        using var parentC = await w.ClientAsync(w.ParentC);
        (await parentC.GetAsync($"/api/v1/spaces/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parentC.PostAsync($"/api/v1/spaces/notices/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await parentC.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notices/inbox")).GetArrayLength().ShouldBe(0);
        using var teacher2 = await w.ClientAsync(w.Teacher2);
        (await teacher2.GetAsync($"/api/v1/spaces/notices/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var refused = await SpacesWorld.SendNoticeAsync(teacher, new { title = "越权", body = "不是我的班。", classIds = new[] { w.Class2 } });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("只能向本人任教的班级发送通知");
        using var parent = await w.ClientAsync(w.ParentA);
        (await SpacesWorld.SendNoticeAsync(parent, new { title = "家长", body = "家长不能发。", classIds = new[] { w.Class1 } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_input_names_the_field()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var teacher = await w.ClientAsync(w.Teacher1);
        var response = await SpacesWorld.SendNoticeAsync(teacher, new { title = " ", body = "", classIds = Array.Empty<Guid>(), audience = "Aliens" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await SpacesWorld.JsonAsync(response);
        problem.Errors("title").ShouldContain("标题不能为空");
        problem.Errors("body").ShouldContain("正文不能为空");
        problem.Errors("classIds").ShouldContain("请选择接收通知的班级或学校");
        problem.Errors("audience").ShouldContain("接收对象无效");

        var tooLong = await SpacesWorld.SendNoticeAsync(teacher, new { title = new string('长', 101), body = "正文", classIds = new[] { w.Class1 } });
        (await SpacesWorld.JsonAsync(tooLong)).Errors("title").ShouldContain("标题不能超过100个字符");

        // No acknowledgement asked: acknowledging is a conflict, not a silent success.
        var id = await SpacesWorld.SentNoticeAsync(teacher, new { title = "提醒", body = "带伞。", classIds = new[] { w.Class1 } });
        using var parent = await w.ClientAsync(w.ParentB);
        (await parent.PostAsync($"/api/v1/spaces/notices/{id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Students_and_parents_are_reached_once_each_and_a_parent_of_two_addressed_children_gets_one_receipt()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var admin = await w.ClientAsync(w.SchoolAdmin);
        var id = await SpacesWorld.SentNoticeAsync(admin, new { title = "全校通知", body = "明天停电。", schoolIds = new[] { w.SchoolId }, audience = "Everyone" });
        using var parentA = await w.ClientAsync(w.ParentA);
        var inbox = await parentA.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notices/inbox");
        var mine = inbox.EnumerateArray().Single();
        mine.GetProperty("id").GetGuid().ShouldBe(id);
        mine.GetProperty("childNames").GetString()!.ShouldContain("测试用户");
        var receipts = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/notices/{id}/receipts");
        // 2 teachers + 3 students + 3 parents (the administrator does not notify themselves).
        receipts.GetProperty("counts").GetProperty("recipients").GetInt32().ShouldBe(8);
        using var student = await w.ClientAsync(w.Student3);
        (await student.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notices/inbox")).GetArrayLength().ShouldBe(1);

        // A school administrator cannot address another school.
        using var countyClient = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        var otherSchool = await OrgApi.CreateSchoolAsync(countyClient, "520103", name: "别的小学");
        (await SpacesWorld.SendNoticeAsync(admin, new { title = "越权", body = "别校。", schoolIds = new[] { otherSchool } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The county reaches the staff (administrator and teachers) of the schools it manages.
        using var county = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520102"));
        var bureauNotice = await SpacesWorld.SentNoticeAsync(county, new { title = "教育局通知", body = "请各校做好安全工作。", schoolIds = new[] { w.SchoolId } });
        (await county.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/notices/{bureauNotice}/receipts")).GetProperty("counts").GetProperty("recipients").GetInt32().ShouldBe(3);
        (await SpacesWorld.SendNoticeAsync(county, new { title = "越权", body = "别县。", schoolIds = new[] { otherSchool } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
