using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Rounds;

/// <summary>
/// 分配推荐名额: the level above sets how many lessons a county, city or province may recommend upward in a round.
/// The quota row sits at the parent node, so a city administrator may set their counties' quotas and a county
/// administrator may not set their own (the scope guard answers 403).
/// </summary>
internal static class SetQuota
{
    public sealed record Request(int MaxRecommendations);

    public static async Task<RoundDto> HandleAsync(LessonsDbContext db, IOrganizationDirectory directory, Guid roundId, string regionCode, int max, CancellationToken ct)
    {
        var round = await ListRounds.FindAsync(db, roundId, ct);
        if (!RegionCode.IsWellFormed(regionCode) || await directory.FindRegionAsync(regionCode, ct) is not { Retired: false } region)
        {
            throw ValidationFailedException.For("regionCode", "未知的行政区划代码");
        }
        new Problems().Check(max is >= 0 and <= 100000, "maxRecommendations", "推荐名额须在0到100000之间").ThrowIfAny();
        if (round.Phase == RoundPhase.Published)
        {
            throw new ConflictException("phase", "结果已公布，不能再调整名额");
        }
        var quota = await db.Quotas.IgnoreQueryFilters().FirstOrDefaultAsync(q => q.RoundId == roundId && q.RegionCode == regionCode, ct);
        if (quota is null)
        {
            quota = new RegionQuota { RoundId = roundId, RegionCode = regionCode };
            (quota.ProvinceCode, quota.CityCode) = region.Level switch
            {
                RegionLevel.County => (RegionCode.ProvinceOf(regionCode), region.ParentCode ?? RegionCode.CityOf(regionCode)),
                RegionLevel.City => (RegionCode.ProvinceOf(regionCode), ""),
                _ => ("", ""),
            };
            db.Quotas.Add(quota);
        }
        quota.MaxRecommendations = max;
        await db.SaveChangesAsync(ct);
        return await ListRounds.GetAsync(db, roundId, ct);
    }

    public static async Task<Ok<RoundDto>> EndpointAsync(LessonsDbContext db, IOrganizationDirectory directory, Guid id, string regionCode, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, id, regionCode, request.MaxRecommendations, ct));
}
