using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Resources.Features.Resources;

/// <summary>
/// A teacher, school or enterprise provider offers a new resource: its first version is a draft (or submitted at
/// once with Submit). Where it is reviewed follows the uploader: a teacher's or school's own county, or for an
/// enterprise the region it submits to (RegionCode, e.g. 520000 for 贵州省's platform).
/// </summary>
internal static class CreateResource
{
    public sealed record Request(string? Kind, long PriceCents, string? ProviderName, string? RegionCode, VersionInput Version, bool Submit = false, int? LicenceYears = null);

    public static async Task<Guid> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var actor = db.Actor;
        var me = actor.UserId ?? throw new ForbiddenException();
        var kind = Enum.TryParse<ResourceKind>(request.Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (ResourceKind?)null;
        var provider = PlainText.Clean(request.ProviderName);
        var problems = new Problems()
            .Check(kind is not null, "kind", "请选择资源类别（基础性、个性化或校本）")
            .Check(kind != ResourceKind.Personalised || request.PriceCents > 0, "priceCents", "个性化资源须标价（单位：分）")
            .Check(kind == ResourceKind.Personalised || request.PriceCents == 0, "priceCents", "基础性和校本资源免费，价格须为0")
            .Check(request.PriceCents is >= 0 and <= 100_000_000, "priceCents", "价格应在0到100万元之间")
            .Check(request.LicenceYears is null or (>= 1 and <= 10), "licenceYears", "授权期限应为1到10年，或留空表示永久授权")
            .Check(kind != ResourceKind.Personalised || actor.Roles.Contains(Role.ResourceProvider), "kind", "个性化资源由资源提供商提供")
            .MaxLength(provider, 100, "providerName", "提供者")
            .Check(!PlainText.HasMarkup(provider), "providerName", "提供者不能包含HTML标记");
        var now = clock.GetUtcNow().UtcDateTime;
        var version = await VersionInputs.BuildAsync(db, request.Version, now, problems, ct);
        var (node, school) = await ReviewNodeAsync(actor, directory, request.RegionCode, ct);
        if (kind == ResourceKind.SchoolBased && school is null)
        {
            throw ValidationFailedException.For("kind", "校本资源须由学校的教师或管理员上传");
        }
        var resource = new Resource
        {
            OwnerId = me,
            OwnerName = actor.DisplayName ?? "",
            ProviderName = provider.Length > 0 ? provider : school?.Name ?? actor.DisplayName ?? "",
            Kind = kind!.Value,
            PriceCents = request.PriceCents,
            LicenceYears = kind == ResourceKind.Personalised ? request.LicenceYears : null,
            SchoolId = kind == ResourceKind.SchoolBased ? school!.Id : null,
            ProvinceCode = node.ProvinceCode,
            CityCode = node.CityCode.Length > 0 ? node.CityCode : null,
            CountyCode = node.CountyCode.Length > 0 ? node.CountyCode : null,
            LatestVersionNumber = 1,
            CreatedAt = now,
        };
        version.ResourceId = resource.Id;
        version.Number = 1;
        db.Resources.Add(resource);
        db.Versions.Add(version);
        db.Events.Add(ReviewEvents.Created(version, actor, now));
        if (request.Submit)
        {
            db.Events.Add(ReviewEvents.Take(version, ReviewTrigger.Submit, actor, null, now));
        }
        await db.SaveChangesAsync(ct);
        return resource.Id;
    }

    /// <summary>The review node and (for school people) the school of the uploader.</summary>
    private static async Task<(ScopeKey Node, SchoolInfo? School)> ReviewNodeAsync(ICurrentActor actor, IOrganizationDirectory directory, string? regionCode, CancellationToken ct)
    {
        if (actor.Scope.ManagedSchools.FirstOrDefault() is var managed && managed != Guid.Empty && await directory.FindSchoolAsync(managed, ct) is { } own)
        {
            return (own.Key, own);
        }
        if (actor.Scope.Classes.Count > 0 && await directory.FindClassAsync(actor.Scope.Classes[0], ct) is { } cls && await directory.FindSchoolAsync(cls.SchoolId, ct) is { } school)
        {
            return (school.Key, school);
        }
        if (regionCode is null || !RegionCode.IsWellFormed(regionCode) || await directory.FindRegionAsync(regionCode, ct) is not { Retired: false } region)
        {
            throw ValidationFailedException.For("regionCode", "请选择提交审核的地区（省、市或县的行政区划代码）");
        }
        var key = region.Level switch
        {
            RegionLevel.Province => new ScopeKey(region.Code, "", "", null, null),
            RegionLevel.City => new ScopeKey(RegionCode.ProvinceOf(region.Code), region.Code, "", null, null),
            _ => new ScopeKey(RegionCode.ProvinceOf(region.Code), RegionCode.CityOf(region.Code), region.Code, null, null),
        };
        return (key, null);
    }

    public static async Task<Created<ResourceDetailDto>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var id = await HandleAsync(db, directory, clock, request, ct);
        var dto = await GetResource.HandleAsync(db, directory, id, ct);
        return TypedResults.Created($"/api/v1/resources/{id}", dto);
    }
}
