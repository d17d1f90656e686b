using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;

namespace EduCloud.Tests.Monitoring;

public sealed class ApprovalChainTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Nanming = "520102";

    [Fact]
    public async Task Sent_back_by_the_city_the_school_fixes_a_new_version_which_goes_up_three_levels_and_moves_the_indicators()
    {
        var chain = await Chain.CreateAsync(factory);
        var (schoolId, school) = await chain.SchoolAsync(factory, Nanming, "Rural", "审核小学");
        var v1 = (await MonitoringApi.StartAsync(school)).Id();
        await MonitoringApi.SaveAsync(school, v1, MonitoringApi.Valid(bandwidth: 30)).OkAsync();
        await MonitoringApi.StepAsync(school, v1, "Submit").OkAsync();
        (await MonitoringApi.StepAsync(chain.County, v1, "Approve").OkAsync()).Status().ShouldBe("CountyApproved");

        // Sending back needs a comment.
        var (noComment, problem) = await MonitoringApi.StepAsync(chain.City, v1, "SendBack");
        noComment.ShouldBe(HttpStatusCode.BadRequest);
        problem.Errors("comment").ShouldBe(["退回时请填写意见"]);
        var sentBack = await MonitoringApi.StepAsync(chain.City, v1, "SendBack", "出口带宽与运营商合同不符，请核实").OkAsync();
        sentBack.Status().ShouldBe("SentBack");
        sentBack.GetProperty("lastComment").GetString().ShouldBe("出口带宽与运营商合同不符，请核实");

        // Not indicator-visible yet.
        (await MonitoringApi.DashboardAsync(chain.County, "bandwidthPerClass", Nanming)).GetProperty("schools").GetArrayLength().ShouldBe(0);

        var v2 = await MonitoringApi.SaveAsync(school, v1, new { exportBandwidthMbps = 60 }).OkAsync();
        v2.Id().ShouldNotBe(v1);
        v2.GetProperty("version").GetInt32().ShouldBe(2);
        v2.Status().ShouldBe("Draft");
        v2.GetProperty("versions").GetArrayLength().ShouldBe(2);
        var old = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", Nanming));
        (await MonitoringApi.StepAsync(old, v1, "Approve")).Status.ShouldBe(HttpStatusCode.Conflict); // history does not move

        await MonitoringApi.StepAsync(school, v2.Id(), "Submit").OkAsync();
        await MonitoringApi.StepAsync(chain.County, v2.Id(), "Approve").OkAsync();
        await MonitoringApi.StepAsync(chain.City, v2.Id(), "Approve").OkAsync();
        var approved = await MonitoringApi.StepAsync(chain.Province, v2.Id(), "Approve").OkAsync();
        approved.Status().ShouldBe("Approved");
        approved.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("trigger").GetString())
            .ShouldBe(["Create", "Submit", "Approve", "SendBack", "Create", "Submit", "Approve", "Approve", "Approve"]);

        var board = await MonitoringApi.DashboardAsync(chain.County, "bandwidthPerClass", Nanming);
        var row = board.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolId").GetGuid() == schoolId);
        row.GetProperty("value").GetDouble().ShouldBe(6);
        row.GetProperty("target").GetDouble().ShouldBe(5);
        row.GetProperty("met").GetBoolean().ShouldBeTrue();

        // Approved upstream: the school cannot silently edit it; only the province can send it back.
        (await MonitoringApi.SaveAsync(school, v2.Id(), new { exportBandwidthMbps = 10 })).Status.ShouldBe(HttpStatusCode.Conflict);
        (await MonitoringApi.StepAsync(chain.County, v2.Id(), "SendBack", "县级想改")).Status.ShouldBe(HttpStatusCode.Forbidden);
        await MonitoringApi.StepAsync(chain.Province, v2.Id(), "SendBack", "请补充无线覆盖说明").OkAsync();
        (await MonitoringApi.DashboardAsync(chain.County, "bandwidthPerClass", Nanming)).GetProperty("schools").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Each_level_acts_only_at_its_own_step_and_only_inside_its_region()
    {
        var chain = await Chain.CreateAsync(factory);
        var (_, school) = await chain.SchoolAsync(factory, Nanming, "Town", "范围小学");
        var id = (await MonitoringApi.StartAsync(school)).Id();
        await MonitoringApi.SaveAsync(school, id, MonitoringApi.Valid()).OkAsync();
        await MonitoringApi.StepAsync(school, id, "Submit").OkAsync();

        var neighbour = await factory.ClientForAsync(await factory.CreateUserAsync("CountyAdmin", "520103"));
        (await MonitoringApi.StepAsync(neighbour, id, "Approve")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await neighbour.GetAsync($"/api/v1/monitoring/returns/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await MonitoringApi.StepAsync(chain.City, id, "Approve")).Status.ShouldBe(HttpStatusCode.Forbidden); // the county's step
        (await MonitoringApi.StepAsync(school, id, "Approve")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await MonitoringApi.SaveAsync(school, id, new { classrooms = 13 })).Status.ShouldBe(HttpStatusCode.Conflict); // submitted

        var otherSchool = await factory.ClientForAsync(await factory.CreateUserAsync("SchoolAdmin",
            schoolId: await MonitoringApi.CreateSchoolAsync(chain.National, Nanming, "Rural", "邻校")));
        (await otherSchool.GetAsync($"/api/v1/monitoring/returns/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var list = await chain.County.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/returns?year=2026");
        list.EnumerateArray().Single(r => r.Id() == id).GetProperty("canAct").GetBoolean().ShouldBeTrue();
        (await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/returns?year=2026")).EnumerateArray().ShouldNotContain(r => r.Id() == id);
        (await MonitoringApi.StepAsync(chain.County, id, "Approve").OkAsync()).Status().ShouldBe("CountyApproved");
    }
}
