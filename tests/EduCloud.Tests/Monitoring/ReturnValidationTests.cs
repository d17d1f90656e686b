using System.Net;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Organization;
using EduCloud.Tests.Statistics;

namespace EduCloud.Tests.Monitoring;

public sealed class ReturnValidationTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private const string Nanming = "520102";

    [Fact]
    public async Task A_return_breaking_a_rule_cannot_be_submitted_and_each_error_names_its_field_in_chinese()
    {
        var chain = await Chain.CreateAsync(factory);
        var (_, school) = await chain.SchoolAsync(factory, Nanming, "Rural", "规则小学");
        var id = (await MonitoringApi.StartAsync(school)).Id();
        var values = MonitoringApi.Valid();
        values["classrooms"] = 10;
        values["multimediaClassrooms"] = 12;
        values.Remove("connectionType");
        values["hasCio"] = true;
        values.Remove("cioName");
        var saved = await MonitoringApi.SaveAsync(school, id, values).OkAsync();
        // Saved as a draft, but its problems are listed next to the fields.
        saved.GetProperty("problems").GetProperty("multimediaClassrooms").EnumerateArray().Select(e => e.GetString()).ShouldContain("多媒体教室数（12）不能超过教室数（10）");

        var (status, problem) = await MonitoringApi.StepAsync(school, id, "Submit");

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.Errors("multimediaClassrooms").ShouldBe(["多媒体教室数（12）不能超过教室数（10）"]);
        problem.Errors("connectionType").ShouldBe(["互联网接入方式不能为空"]);
        problem.Errors("cioName").ShouldBe(["首席信息官姓名不能为空"]); // required because hasCio is true
        (await MonitoringApi.StepAsync(school, id, "Submit")).Status.ShouldBe(HttpStatusCode.BadRequest);

        values["multimediaClassrooms"] = 9;
        values["connectionType"] = "光纤"; // the label is accepted and stored as its code
        values["cioName"] = "李主任";
        await MonitoringApi.SaveAsync(school, id, values).OkAsync();
        (await MonitoringApi.StepAsync(school, id, "Submit").OkAsync()).Status().ShouldBe("Submitted");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_refused_when_saved_naming_the_field()
    {
        var chain = await Chain.CreateAsync(factory);
        var (_, school) = await chain.SchoolAsync(factory, Nanming, "Rural", "类型小学");
        var id = (await MonitoringApi.StartAsync(school)).Id();

        var (status, problem) = await MonitoringApi.SaveAsync(school, id, new { classrooms = 10.5, wirelessCoveragePercent = 120, connectionType = "微波", hasCio = "也许" });

        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.Errors("classrooms").ShouldBe(["教室数应为整数"]);
        problem.Errors("wirelessCoveragePercent").ShouldBe(["无线网络覆盖率不能大于100"]);
        problem.Errors("connectionType")[0].ShouldStartWith("互联网接入方式应为以下之一：光纤");
        problem.Errors("hasCio").ShouldBe(["是否设立首席信息官应为“是”或“否”"]);
    }

    [Fact]
    public async Task An_outlier_against_last_year_needs_a_note_before_submission_and_the_return_is_prefilled()
    {
        await MonitoringApi.PublishFormAsync(factory, 2025);
        var chain = await Chain.CreateAsync(factory);
        var (schoolId, school) = await chain.SchoolAsync(factory, Nanming, "Rural", "异常小学");
        await StatsData.AddStudentsAsync(factory, StatsData.School(schoolId, Nanming), 7);
        await chain.ApprovedAsync(school, MonitoringApi.Valid(bandwidth: 100), year: 2025);

        var draft = await MonitoringApi.StartAsync(school, 2026);
        var fields = draft.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").ToString());
        fields["exportBandwidthMbps"].ShouldBe("100"); // last year's approved return
        fields["students"].ShouldBe("7"); // the student census, not last year's 400
        fields["classes"].ShouldBe("0"); // the organisation's classes this year (none made in this test)

        var values = MonitoringApi.Valid(bandwidth: 200);
        await MonitoringApi.SaveAsync(school, draft.Id(), values).OkAsync();
        var (status, problem) = await MonitoringApi.StepAsync(school, draft.Id(), "Submit");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.Errors("notes.exportBandwidthMbps").ShouldBe(["互联网出口带宽较上年变化超过50%（上年100，本年200），请填写说明"]);

        await MonitoringApi.SaveAsync(school, draft.Id(), new { }, new { exportBandwidthMbps = "今年升级为千兆光纤的200M套餐" }).OkAsync();
        (await MonitoringApi.StepAsync(school, draft.Id(), "Submit").OkAsync()).Status().ShouldBe("Submitted");
    }
}
