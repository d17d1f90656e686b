using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Records.Contracts;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Monitoring;

/// <summary>Early warning over real HTTP: rules fire after an approval, are routed, acknowledged, closed with a note, and resolve.</summary>
public sealed class AlertTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    // Each test works in its own county so the county rule sees only its own schools: 520111 花溪区, 520112 乌当区, 520113 白云区 (贵阳市).
    private const string Bandwidth = "school-bandwidth-below-target";
    private const string NoMultimedia = "school-no-multimedia";
    private const string Training = "county-teacher-training-low";
    private const string Idle = "school-learning-space-idle";

    [Fact]
    public async Task A_school_alert_fires_on_approval_goes_to_the_school_admin_who_acknowledges_and_closes_it_with_a_note()
    {
        var chain = await Chain.CreateAsync(factory, "520111");
        var (schoolId, school) = await chain.SchoolAsync(factory, "520111", "Rural", "预警小学");
        var values = MonitoringApi.Valid(bandwidth: 30, multimedia: 0); // 3 Mbit/s per class < 5 (rural); no multimedia classroom
        await chain.ApprovedAsync(school, values);

        var mine = await AlertApi.ListAsync(school, "active", mine: true);
        var bandwidth = mine.For(Bandwidth, schoolId.ToString()).ShouldHaveSingleItem();
        bandwidth.GetProperty("routedTo").GetString().ShouldBe("SchoolAdmin");
        bandwidth.GetProperty("status").GetString().ShouldBe("Open");
        bandwidth.GetProperty("finding").GetString()!.ShouldContain("3 Mbit/s/班");
        bandwidth.Actions().ShouldBe(["Acknowledge", "Close"]);
        mine.For(NoMultimedia, schoolId.ToString()).ShouldHaveSingleItem();
        mine.For(Idle, schoolId.ToString()).ShouldHaveSingleItem().GetProperty("finding").GetString().ShouldBe("尚无学习活动记录");
        var id = bandwidth.GetProperty("id").GetGuid();

        // The county above sees it but does not act; another county's administrator does not even see it.
        var county = (await AlertApi.ListAsync(chain.County)).For(Bandwidth, schoolId.ToString()).ShouldHaveSingleItem();
        county.Actions().ShouldBeEmpty();
        (await AlertApi.StepAsync(chain.County, id, "Acknowledge")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var neighbour = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520112"));
        (await AlertApi.ListAsync(neighbour)).For(Bandwidth, schoolId.ToString()).ShouldBeEmpty();
        (await neighbour.GetAsync($"/api/v1/monitoring/alerts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AlertApi.StepAsync(neighbour, id, "Close", "不是我的")).Status.ShouldBe(HttpStatusCode.NotFound);

        (await AlertApi.StepAsync(school, id, "Acknowledge")).Body.GetProperty("alert").GetProperty("status").GetString().ShouldBe("Acknowledged");
        var (noNote, problem) = await AlertApi.StepAsync(school, id, "Close", "  ");
        noNote.ShouldBe(HttpStatusCode.BadRequest);
        problem.Errors("note").ShouldBe(["关闭预警时请填写处理说明"]);
        var closed = (await AlertApi.StepAsync(school, id, "Close", "已与运营商签订200M提速合同，下月生效")).Body;
        closed.GetProperty("alert").GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("alert").Actions().ShouldBeEmpty();
        var history = closed.GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("to").GetString()).ShouldBe(["Open", "Acknowledged", "Closed"]);
        history[0].GetProperty("actorName").GetString().ShouldBe("系统");
        history[1].GetProperty("actorName").GetString().ShouldBe("测试用户");
        history[2].GetProperty("note").GetString().ShouldBe("已与运营商签订200M提速合同，下月生效");
        (await AlertApi.StepAsync(school, id, "Acknowledge")).Status.ShouldBe(HttpStatusCode.Conflict);

        // 重新评估: the condition still holds, but the closed alert is still live, so no duplicate.
        await AlertApi.EvaluateAsync(chain.County);
        var all = await AlertApi.ListAsync(school);
        all.For(Bandwidth, schoolId.ToString()).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("Closed");
        all.For(NoMultimedia, schoolId.ToString()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_alert_whose_condition_clears_is_resolved_and_kept_and_a_new_one_is_raised_when_it_comes_back()
    {
        var chain = await Chain.CreateAsync(factory, "520112");
        var (schoolId, school) = await chain.SchoolAsync(factory, "520112", "Town", "整改小学");
        var first = await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 50, multimedia: 0)); // 5 < 10 (town)
        var open = (await AlertApi.ListAsync(school, "active")).For(NoMultimedia, schoolId.ToString()).ShouldHaveSingleItem();

        // The province sends the return back; the school fixes it (8 multimedia rooms, 120 Mbit/s) and it is approved again.
        await MonitoringApi.StepAsync(chain.Province, first, "SendBack", "请核实多媒体教室数").OkAsync();
        var v2 = (await MonitoringApi.SaveAsync(school, first, new { multimediaClassrooms = 8, exportBandwidthMbps = 120 }).OkAsync()).Id();
        await MonitoringApi.StepAsync(school, v2, "Submit").OkAsync();
        await MonitoringApi.StepAsync(chain.County, v2, "Approve").OkAsync();
        await MonitoringApi.StepAsync(chain.City, v2, "Approve").OkAsync();
        await MonitoringApi.StepAsync(chain.Province, v2, "Approve").OkAsync();

        var after = await AlertApi.ListAsync(school, "all");
        var resolved = after.For(NoMultimedia, schoolId.ToString()).ShouldHaveSingleItem();
        resolved.GetProperty("id").GetGuid().ShouldBe(open.GetProperty("id").GetGuid());
        resolved.GetProperty("status").GetString().ShouldBe("Resolved");
        resolved.GetProperty("clearedAt").ValueKind.ShouldBe(JsonValueKind.String);
        after.For(Bandwidth, schoolId.ToString()).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("Resolved");
        (await AlertApi.ListAsync(school, "active")).For(NoMultimedia, schoolId.ToString()).ShouldBeEmpty();
        var detail = await school.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/alerts/{resolved.GetProperty("id").GetGuid()}");
        var last = detail.GetProperty("history").EnumerateArray().Last();
        last.GetProperty("to").GetString().ShouldBe("Resolved");
        last.GetProperty("actorName").GetString().ShouldBe("系统");
        last.GetProperty("note").GetString()!.ShouldStartWith("条件已解除");

        // The next year's return has no multimedia classroom again: a new alert, the resolved one stays as it was.
        await MonitoringApi.PublishFormAsync(factory, 2027);
        var y2027 = (await MonitoringApi.StartAsync(school, 2027)).Id();
        await MonitoringApi.SaveAsync(school, y2027, MonitoringApi.Valid(bandwidth: 120, multimedia: 0), new { multimediaClassrooms = "教学楼改造，设备暂时拆除" }).OkAsync();
        await MonitoringApi.StepAsync(school, y2027, "Submit").OkAsync();
        foreach (var bureau in new[] { chain.County, chain.City, chain.Province })
        {
            await MonitoringApi.StepAsync(bureau, y2027, "Approve").OkAsync();
        }
        var again = (await AlertApi.ListAsync(school, "all")).For(NoMultimedia, schoolId.ToString());
        again.Length.ShouldBe(2);
        again.Count(a => a.GetProperty("status").GetString() == "Open").ShouldBe(1);
    }

    [Fact]
    public async Task A_county_alert_goes_to_the_county_admin_not_to_the_school_nor_to_another_county()
    {
        var chain = await Chain.CreateAsync(factory, "520113");
        var (_, school) = await chain.SchoolAsync(factory, "520113", "Urban", "培训小学");
        var values = MonitoringApi.Valid(bandwidth: 200);
        values["teachersTrainedIt"] = 10; // 10 of 20 teachers trained: the county's average 50% < 90%
        await chain.ApprovedAsync(school, values);

        var alert = (await AlertApi.ListAsync(chain.County, "active", mine: true)).For(Training, "520113").ShouldHaveSingleItem();
        alert.GetProperty("routedTo").GetString().ShouldBe("CountyAdmin");
        alert.GetProperty("subjectName").GetString().ShouldBe("白云区");
        alert.GetProperty("finding").GetString()!.ShouldContain("50%");
        alert.Actions().ShouldBe(["Acknowledge", "Close"]);
        (await AlertApi.ListAsync(school)).For(Training, "520113").ShouldBeEmpty();
        var neighbour = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520111"));
        (await AlertApi.ListAsync(neighbour)).For(Training, "520113").ShouldBeEmpty();
        var city = (await AlertApi.ListAsync(chain.City)).For(Training, "520113").ShouldHaveSingleItem();
        city.Actions().ShouldBeEmpty();
        (await AlertApi.StepAsync(chain.County, alert.GetProperty("id").GetGuid(), "Close", "已安排12月全员培训"))
            .Body.GetProperty("alert").GetProperty("status").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task Learning_activity_at_the_school_clears_the_unused_learning_space_alert()
    {
        var chain = await Chain.CreateAsync(factory, "520111");
        var (schoolId, school) = await chain.SchoolAsync(factory, "520111", "Urban", "空间小学");
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 200));
        (await AlertApi.ListAsync(school, "active")).For(Idle, schoolId.ToString()).ShouldHaveSingleItem();

        var learner = await factory.CreateUserAsync("SchoolAdmin", schoolId: schoolId);
        await factory.AsPlatformAsync(sp => sp.GetRequiredService<ILearningRecords>().RecordAsync(
            new LearningAct(learner.Id, Verbs.Experienced, "体验了", "https://www.educloud.cn/activities/test/" + Guid.NewGuid()), CancellationToken.None));
        await AlertApi.EvaluateAsync(chain.County);

        (await AlertApi.ListAsync(school, "all")).For(Idle, schoolId.ToString()).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("Resolved");
    }
}
