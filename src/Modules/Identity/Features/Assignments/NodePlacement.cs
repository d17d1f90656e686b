using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;

namespace EduCloud.Identity.Features.Assignments;

/// <summary>Where in the tree a role is held. Bureau roles sit at a region; school roles at a school or class; national roles at the root.</summary>
public sealed record RoleNode(Role Role, string? RegionCode, Guid? SchoolId, Guid? ClassId, string? Subject);

internal static class NodePlacement
{
    /// <summary>The root: national administrators and enterprise providers. Only national administrators manage it.</summary>
    public static readonly ScopeKey National = new("", "", "", null, null);

    public static async Task<ScopeKey> ResolveAsync(IOrganizationDirectory directory, RoleNode node, Problems problems, CancellationToken ct)
    {
        switch (node.Role)
        {
            case Role.NationalAdmin or Role.ResourceProvider:
                return National;
            case Role.ProvinceAdmin or Role.CityAdmin or Role.CountyAdmin or Role.ResourceReviewer:
                return await RegionAsync(directory, node, problems, ct);
            case Role.SchoolAdmin:
                return await SchoolAsync(directory, node.SchoolId, problems, ct);
            case Role.Teacher when node.ClassId is null:
                return await SchoolAsync(directory, node.SchoolId, problems, ct);
            case Role.Teacher or Role.Student:
                return await ClassAsync(directory, node.ClassId, problems, ct);
            case Role.Parent:
                // A parent sits where their first child sits; the caller passes that child's class.
                return node.ClassId is null ? await SchoolAsync(directory, node.SchoolId, problems, ct) : await ClassAsync(directory, node.ClassId, problems, ct);
            default:
                problems.Add("role", "未知的角色");
                return National;
        }
    }

    private static async Task<ScopeKey> RegionAsync(IOrganizationDirectory directory, RoleNode node, Problems problems, CancellationToken ct)
    {
        var code = node.RegionCode;
        if (!RegionCode.IsWellFormed(code))
        {
            problems.Add("regionCode", "该角色需要6位行政区划代码");
            return National;
        }
        var region = await directory.FindRegionAsync(code!, ct);
        var expected = node.Role switch
        {
            Role.ProvinceAdmin => RegionLevel.Province,
            Role.CityAdmin => RegionLevel.City,
            Role.CountyAdmin => RegionLevel.County,
            _ => region?.Level ?? RegionLevel.County,
        };
        if (region is null || region.Retired)
        {
            problems.Add("regionCode", $"行政区划代码“{code}”不存在或已撤销");
            return National;
        }
        if (region.Level != expected)
        {
            problems.Add("regionCode", $"{node.Role.ChineseName()}应设在{LevelName(expected)}行政区划");
            return National;
        }
        return region.Level switch
        {
            RegionLevel.Province => new ScopeKey(code!, "", "", null, null),
            RegionLevel.City => new ScopeKey(RegionCode.ProvinceOf(code!), code!, "", null, null),
            _ => new ScopeKey(RegionCode.ProvinceOf(code!), RegionCode.CityOf(code!), code!, null, null),
        };
    }

    private static async Task<ScopeKey> SchoolAsync(IOrganizationDirectory directory, Guid? schoolId, Problems problems, CancellationToken ct)
    {
        var school = schoolId is null ? null : await directory.FindSchoolAsync(schoolId.Value, ct);
        if (school is null || school.Retired)
        {
            problems.Add("schoolId", "该角色需要一所有效的学校");
            return National;
        }
        return school.Key;
    }

    private static async Task<ScopeKey> ClassAsync(IOrganizationDirectory directory, Guid? classId, Problems problems, CancellationToken ct)
    {
        var cls = classId is null ? null : await directory.FindClassAsync(classId.Value, ct);
        if (cls is null || cls.Retired)
        {
            problems.Add("classId", "该角色需要一个有效的班级");
            return National;
        }
        return cls.Key;
    }

    private static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.City => "市级",
        _ => "县级",
    };
}
