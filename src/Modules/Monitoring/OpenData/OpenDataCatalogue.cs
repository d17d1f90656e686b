using EduCloud.Kernel.Scope;
using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Indicators;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Monitoring.OpenData;

/// <summary>
/// 教育公共信息资源开放目录: the datasets the public may download without signing in. Each is built on request as
/// the platform (the figures are the whole country's aggregates, so the caller's scope does not apply), from the
/// registry's census and the indicator board; only aggregates by region leave this class.
/// </summary>
internal sealed class OpenDataCatalogue(IServiceScopeFactory scopes, IndicatorBoard board, TimeProvider clock)
{
    public const string Licence = "知识共享 署名 4.0 国际许可协议（CC BY 4.0）：可自由复制、分发、改编和商业使用，但须注明出处“EduCloud 国家教育公共服务平台”。";
    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/deed.zh-hans";
    public const string SuppressionNote = "为保护个人隐私，少于5人的单元格以“<5”表示；为防止由合计推算出被抑制的数值，另有部分单元格以“*”表示（JSON 中值为 null，flags 注明原因）。";

    public static readonly string[] Ids = [BuildStudentsByCounty.Id, BuildCoverageByCounty.Id];

    public async Task<IReadOnlyList<OpenDatasetDto>> ListAsync(CancellationToken ct)
    {
        var list = new List<OpenDatasetDto>();
        foreach (var id in Ids)
        {
            var t = await BuildAsync(id, ct);
            list.Add(new OpenDatasetDto(t.Id, t.Title, t.Description, t.Licence, t.LicenceUrl, t.Updated, t.Columns,
                $"/api/v1/open-data/{t.Id}.csv", $"/api/v1/open-data/{t.Id}.json"));
        }
        return list;
    }

    public async Task<OpenTable> BuildAsync(string id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.ActAsPlatform();
        var sp = scope.ServiceProvider;
        var org = sp.GetRequiredService<IOrganizationDirectory>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        switch (id)
        {
            case BuildStudentsByCounty.Id:
                return await BuildStudentsByCounty.BuildAsync(sp.GetRequiredService<IStudentCensus>(), codes => org.RegionNamesAsync(codes, ct), today, ct);
            case BuildCoverageByCounty.Id:
                var db = sp.GetRequiredService<MonitoringDbContext>();
                var rollup = await board.CurrentAsync(db, ct);
                var names = await org.RegionNamesAsync(rollup.SchoolsOfCounty.Keys.ToList(), ct);
                var last = await db.Returns.Where(r => r.IsCurrent && r.Status == ReturnStatus.Approved).MaxAsync(r => r.ApprovedAt, ct);
                return BuildCoverageByCounty.Build(rollup, names, last is { } at ? DateOnly.FromDateTime(at) : today);
            default:
                throw new NotFoundException("未找到该开放数据集");
        }
    }
}
