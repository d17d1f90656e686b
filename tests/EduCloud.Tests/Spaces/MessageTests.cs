using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Spaces.Features;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Spaces;

/// <summary>家校沟通 and notification preferences over real HTTP.</summary>
public sealed class MessageTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_parent_and_their_childs_teacher_exchange_messages_with_unread_counts()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var parent = await w.ClientAsync(w.ParentB);
        using var teacher = await w.ClientAsync(w.Teacher1);
        var contacts = await parent.GetFromJsonAsync<JsonElement>("/api/v1/spaces/messages/contacts");
        contacts.EnumerateArray().Single().GetProperty("accountId").GetGuid().ShouldBe(w.Teacher1.Id);

        var first = await parent.CreatedAsync("/api/v1/spaces/messages", new { childId = w.Student2.Id, teacherId = w.Teacher1.Id, text = "王老师好，孩子今天发烧请假。" });
        var threadId = first.GetProperty("threadId").GetGuid();
        var threads = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/spaces/messages/threads");
        threads.EnumerateArray().Single().GetProperty("unread").GetInt32().ShouldBe(1);

        // The teacher writing to the same parent about the same child lands in the same conversation.
        var reply = await teacher.CreatedAsync("/api/v1/spaces/messages", new { childId = w.Student2.Id, parentId = w.ParentB.Id, text = "收到，祝早日康复。" });
        reply.GetProperty("threadId").GetGuid().ShouldBe(threadId);
        var view = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/spaces/messages/threads/{threadId}");
        view.GetProperty("messages").GetArrayLength().ShouldBe(2);
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/spaces/messages/threads")).EnumerateArray().Single().GetProperty("unread").GetInt32().ShouldBe(0);
        (await parent.GetFromJsonAsync<JsonElement>("/api/v1/spaces/messages/threads")).EnumerateArray().Single().GetProperty("unread").GetInt32().ShouldBe(1);
        (await parent.CreatedAsync($"/api/v1/spaces/messages/threads/{threadId}", new { text = "谢谢老师" })).GetProperty("threadId").GetGuid().ShouldBe(threadId);

        // Someone else's conversation does not exist for another parent.
        using var other = await w.ClientAsync(w.ParentC);
        (await other.GetAsync($"/api/v1/spaces/messages/threads/{threadId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/spaces/messages/threads/{threadId}", new { text = "插话" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unrelated_teachers_and_parents_are_refused_in_Chinese()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var parent = await w.ClientAsync(w.ParentB);
        var toStranger = await parent.PostAsJsonAsync("/api/v1/spaces/messages", new { childId = w.Student2.Id, teacherId = w.Teacher2.Id, text = "你好" });
        toStranger.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await toStranger.Content.ReadAsStringAsync()).ShouldContain("您只能与孩子的任课老师沟通");
        var notMyChild = await parent.PostAsJsonAsync("/api/v1/spaces/messages", new { childId = w.Student3.Id, teacherId = w.Teacher2.Id, text = "你好" });
        notMyChild.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var teacher2 = await w.ClientAsync(w.Teacher2);
        var toStrangerParent = await teacher2.PostAsJsonAsync("/api/v1/spaces/messages", new { childId = w.Student2.Id, parentId = w.ParentB.Id, text = "你好" });
        toStrangerParent.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await toStrangerParent.Content.ReadAsStringAsync()).ShouldContain("您只能与所教学生的家长沟通");
        // A parent who is not this child's parent, though the child is the teacher's student.
        (await teacher2.PostAsJsonAsync("/api/v1/spaces/messages", new { childId = w.Student3.Id, parentId = w.ParentB.Id, text = "你好" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher2.PostAsJsonAsync("/api/v1/spaces/messages", new { childId = w.Student3.Id, parentId = w.ParentC.Id, text = "你好" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var empty = await teacher2.PostAsJsonAsync("/api/v1/spaces/messages", new { childId = w.Student3.Id, parentId = w.ParentC.Id, text = "  " });
        (await SpacesWorld.JsonAsync(empty)).Errors("text").ShouldContain("消息内容不能为空");
    }

    [Fact]
    public async Task Preferences_decide_which_notifications_are_written_and_quiet_hours_hold_them()
    {
        var w = await SpacesWorld.CreateAsync(factory);
        using var parentA = await w.ClientAsync(w.ParentA);
        using var parentB = await w.ClientAsync(w.ParentB);
        // A turns notices off; B keeps them but is in quiet hours around the clock except one minute.
        (await parentA.PutAsJsonAsync("/api/v1/spaces/preferences", new { notices = false, messages = true, planActivity = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var beijing = DateTime.UtcNow.AddHours(8);
        var from = beijing.AddMinutes(-30).ToString("HH:mm");
        var to = beijing.AddMinutes(30).ToString("HH:mm");
        (await parentB.PutAsJsonAsync("/api/v1/spaces/preferences", new { notices = true, messages = true, planActivity = true, quietFrom = from, quietTo = to }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await parentB.GetFromJsonAsync<JsonElement>("/api/v1/spaces/preferences")).GetProperty("quietFrom").GetString().ShouldBe(from);
        var bad = await parentB.PutAsJsonAsync("/api/v1/spaces/preferences", new { notices = true, messages = true, planActivity = true, quietFrom = "25:00" });
        (await SpacesWorld.JsonAsync(bad)).Errors("quietFrom").ShouldContain("时间格式应为 HH:mm，例如 22:00");

        using var teacher = await w.ClientAsync(w.Teacher1);
        await SpacesWorld.SentNoticeAsync(teacher, new { title = "作业提醒", body = "记得交作业。", classIds = new[] { w.Class1 } });

        var a = await parentA.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notifications");
        a.GetProperty("items").GetArrayLength().ShouldBe(0);
        a.GetProperty("held").GetInt32().ShouldBe(0);
        (await parentA.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notices/inbox")).GetArrayLength().ShouldBe(1); // the notice itself still arrives
        var b = await parentB.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notifications");
        b.GetProperty("items").GetArrayLength().ShouldBe(0);
        b.GetProperty("held").GetInt32().ShouldBe(1);

        // The teacher has no preferences: notified at once of a parent's message.
        await parentB.CreatedAsync("/api/v1/spaces/messages", new { childId = w.Student2.Id, teacherId = w.Teacher1.Id, text = "好的" });
        var t = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/spaces/notifications");
        t.GetProperty("unseen").GetInt32().ShouldBe(1);
        t.GetProperty("items")[0].GetProperty("kind").GetString().ShouldBe("Message");
    }

    [Theory]
    [InlineData(22 * 60, 7 * 60, "2026-11-23T15:00:00Z", "2026-11-23T23:00:00Z")] // 23:00 Beijing, quiet until 07:00 next day
    [InlineData(22 * 60, 7 * 60, "2026-11-23T04:00:00Z", "2026-11-23T04:00:00Z")] // 12:00 Beijing: not quiet
    [InlineData(12 * 60, 14 * 60, "2026-11-23T04:30:00Z", "2026-11-23T06:00:00Z")] // 12:30 Beijing, lunch break until 14:00
    public void Quiet_hours_hold_until_their_end_in_Beijing_time(int from, int to, string now, string expected) =>
        Notifier.ShowFrom(from, to, DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal))
            .ShouldBe(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
}
