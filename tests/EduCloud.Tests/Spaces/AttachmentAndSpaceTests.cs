using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Resources;

namespace EduCloud.Tests.Spaces;

/// <summary>Notice attachments through the kernel's FileIntake, and the class and school spaces.</summary>
public sealed class AttachmentAndSpaceTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        return await client.PostAsync("/api/v1/spaces/attachments", form);
    }

    [Fact]
    public async Task An_attachment_travels_with_the_notice_and_bad_files_are_refused_with_a_reason()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var teacher = await w.ClientAsync(w.Teacher1);
        var pdf = ResourceApi.Pdf("家长会议程");
        var upload = await UploadAsync(teacher, "议程.pdf", pdf);
        var attachment = await SpacesWorld.JsonAsync(upload);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, attachment.ToString());
        var attachmentId = attachment.GetProperty("id").GetGuid();
        var id = await SpacesWorld.SentNoticeAsync(teacher, new { title = "家长会", body = "见附件。", classIds = new[] { w.Class1 }, attachmentIds = new[] { attachmentId } });

        using var parent = await w.ClientAsync(w.ParentB);
        var notice = await parent.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/notices/{id}");
        notice.GetProperty("attachments").EnumerateArray().Single().GetProperty("fileName").GetString().ShouldBe("议程.pdf");
        (await parent.GetByteArrayAsync($"/api/v1/spaces/notices/{id}/attachments/{attachmentId}")).ShouldBe(pdf);
        using var otherFamily = await w.ClientAsync(w.ParentC);
        (await otherFamily.GetAsync($"/api/v1/spaces/notices/{id}/attachments/{attachmentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An attachment goes with one notice only.
        var again = await SpacesWorld.SendNoticeAsync(teacher, new { title = "再发", body = "同一附件。", classIds = new[] { w.Class1 }, attachmentIds = new[] { attachmentId } });
        (await SpacesWorld.JsonAsync(again)).Errors("attachmentIds").ShouldNotBeEmpty();

        var wrongType = await UploadAsync(teacher, "run.exe", [0x4D, 0x5A, 0x90, 0x00]);
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SpacesWorld.JsonAsync(wrongType)).Errors("file")[0].ShouldContain("文件类型不允许");
        var disguised = await UploadAsync(teacher, "notes.pdf", Encoding.UTF8.GetBytes("just text"));
        (await SpacesWorld.JsonAsync(disguised)).Errors("file")[0].ShouldContain("不符");
        var tooBig = await UploadAsync(teacher, "big.txt", Encoding.ASCII.GetBytes(new string('a', 10 * 1024 * 1024 + 1)));
        (await SpacesWorld.JsonAsync(tooBig)).Errors("file")[0].ShouldContain("超过大小上限");
        using var parentUpload = await w.ClientAsync(w.ParentA);
        (await UploadAsync(parentUpload, "a.pdf", pdf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_class_space_shows_its_notices_and_members_to_members_only()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var teacher = await w.ClientAsync(w.Teacher1);
        await SpacesWorld.SentNoticeAsync(teacher, new { title = "班级通知", body = "明天升旗。", classIds = new[] { w.Class1 }, audience = "ParentsAndStudents" });
        await teacher.CreatedAsync("/api/v1/spaces/messages", new { childId = w.Student1.Id, parentId = w.ParentA.Id, text = "您好" });

        var space = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/class/{w.Class1}");
        space.GetProperty("activity").GetProperty("notices").GetInt32().ShouldBe(1);
        space.GetProperty("activity").GetProperty("messageThreads").GetInt32().ShouldBe(1);
        space.GetProperty("activity").GetProperty("students").GetInt32().ShouldBe(2);
        space.GetProperty("members").GetArrayLength().ShouldBe(3);
        using var parent = await w.ClientAsync(w.ParentB);
        (await parent.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/class/{w.Class1}")).GetProperty("notices").GetArrayLength().ShouldBe(1);
        using var student = await w.ClientAsync(w.Student2);
        (await student.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/class/{w.Class1}")).GetProperty("notices").GetArrayLength().ShouldBe(1);
        // Class 2's parent and teacher are not members of class 1.
        using var parentC = await w.ClientAsync(w.ParentC);
        (await parentC.GetAsync($"/api/v1/spaces/class/{w.Class1}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var teacher2 = await w.ClientAsync(w.Teacher2);
        (await teacher2.GetAsync($"/api/v1/spaces/class/{w.Class1}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var admin = await w.ClientAsync(w.SchoolAdmin);
        await SpacesWorld.SentNoticeAsync(admin, new { title = "全校教职工会议", body = "周一例会。", schoolIds = new[] { w.SchoolId }, audience = "Staff" });
        var school = await teacher2.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/school/{w.SchoolId}");
        school.GetProperty("notices").EnumerateArray().Single().GetProperty("title").GetString().ShouldBe("全校教职工会议");
        school.GetProperty("activity").GetProperty("classes").GetInt32().ShouldBe(2);
        school.GetProperty("activity").GetProperty("staff").GetInt32().ShouldBe(3);
        var me = await parent.GetFromJsonAsync<JsonElement>("/api/v1/spaces/me");
        me.GetProperty("unreadNotices").GetInt32().ShouldBe(1);
        using var stranger = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        (await stranger.GetAsync($"/api/v1/spaces/school/{w.SchoolId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
