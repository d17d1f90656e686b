using EduCloud.Identity.Features.Accounts;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;

namespace EduCloud.Identity.Pages;

/// <summary>Names the nodes roles sit at (a region, school or class name instead of a code or id) and maps bureau roles to region levels.</summary>
internal static class RolePlaces
{
    public static async Task<Dictionary<Guid, string>> DescribeAsync(IOrganizationDirectory directory, IReadOnlyList<AssignmentDto> roles, CancellationToken ct)
    {
        var regions = await directory.RegionNamesAsync(roles.Where(r => r.RegionCode is not null).Select(r => r.RegionCode!).Distinct().ToList(), ct);
        var classes = await directory.FindClassesAsync(roles.Where(r => r.ClassId is not null).Select(r => r.ClassId!.Value).Distinct().ToList(), ct);
        var schools = await directory.SchoolNamesAsync(roles.Where(r => r.SchoolId is not null).Select(r => r.SchoolId!.Value).Distinct().ToList(), ct);
        return roles.ToDictionary(r => r.Id, r =>
            r.ClassId is { } c && classes.TryGetValue(c, out var cls) ? $"{cls.SchoolName} {cls.GradeName}{cls.Name}"
            : r.SchoolId is { } s && schools.TryGetValue(s, out var school) ? school
            : r.RegionCode is { } code ? $"{regions.GetValueOrDefault(code, code)} ({code})"
            : "");
    }

    public static RegionLevel? LevelFor(Role role) => role switch
    {
        Role.ProvinceAdmin => RegionLevel.Province,
        Role.CityAdmin => RegionLevel.City,
        Role.CountyAdmin or Role.ResourceReviewer => RegionLevel.County,
        _ => null,
    };

    public static ScopeKey KeyOf(string code) => RegionCode.LevelOf(code) switch
    {
        RegionLevel.Province => new ScopeKey(code, "", "", null, null),
        RegionLevel.City => new ScopeKey(RegionCode.ProvinceOf(code), code, "", null, null),
        _ => new ScopeKey(RegionCode.ProvinceOf(code), RegionCode.CityOf(code), code, null, null),
    };
}
