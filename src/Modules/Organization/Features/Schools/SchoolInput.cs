using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Schools;

/// <summary>The editable fields of a school, shared by create and update so both apply the same rules.</summary>
public sealed record SchoolInput(string? Name, string[]? Stages, string? UrbanRural, string? RegionCode, string? Address);

internal static class SchoolRules
{
    public static async Task<(StageSet Stages, UrbanRural UrbanRural)> ValidateAsync(
        OrganizationDbContext db, SchoolInput input, string? code, Problems problems, CancellationToken ct)
    {
        problems.Required(input.Name, "name", "学校名称").MaxLength(input.Name, 100, "name", "学校名称");
        problems.MaxLength(input.Address, 200, "address", "地址");
        var stages = StageNames.Parse(input.Stages);
        problems.Check(stages is not null && stages != StageSet.None, "stages", "学段至少选择一个，且必须是有效的学段");
        var urbanRural = Enum.TryParse<UrbanRural>(input.UrbanRural, true, out var ur) && Enum.IsDefined(ur) ? ur : (UrbanRural?)null;
        problems.Check(urbanRural is not null, "urbanRural", "城乡分类必须是 Urban、Town 或 Rural");
        await CheckRegionAsync(db, input.RegionCode, problems, ct);
        if (code is not null)
        {
            var codeError = SchoolCode.Validate(code, RegionCode.IsWellFormed(input.RegionCode) ? input.RegionCode : null);
            problems.Check(codeError is null, "code", codeError ?? "");
        }
        return (stages ?? StageSet.None, urbanRural ?? default);
    }

    /// <summary>A school or teaching point sits in an existing, current county-level region.</summary>
    public static async Task CheckRegionAsync(OrganizationDbContext db, string? regionCode, Problems problems, CancellationToken ct)
    {
        if (!RegionCode.IsWellFormed(regionCode))
        {
            problems.Add("regionCode", "行政区划代码应为6位数字");
            return;
        }
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, ct);
        if (region is null)
        {
            problems.Add("regionCode", $"行政区划代码“{regionCode}”不存在");
        }
        else if (region.Level != RegionLevel.County && !(region.Level == RegionLevel.City && !await db.Regions.AnyAsync(r => r.ParentCode == regionCode, ct)))
        {
            // 东莞, 中山 and 儋州 are prefecture cities without counties: their schools sit at the city code.
            problems.Add("regionCode", "学校必须设在县级行政区划下");
        }
        else if (region.RetiredOn is not null)
        {
            problems.Add("regionCode", $"行政区划代码“{regionCode}”已撤销，请使用新代码{region.ReplacedBy}");
        }
    }
}
