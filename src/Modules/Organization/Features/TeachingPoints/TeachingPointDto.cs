using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Schools;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.TeachingPoints;

public sealed record TeachingPointDto(Guid Id, Guid CentralSchoolId, string Name, string RegionCode, string Address, string UrbanRural, bool Retired);

/// <summary>The editable fields of a teaching point, shared by create and update.</summary>
public sealed record TeachingPointInput(string? Name, string? RegionCode, string? Address, string? UrbanRural);

internal static class TeachingPointRules
{
    public static TeachingPointDto ToDto(this TeachingPoint t) =>
        new(t.Id, t.CentralSchoolId, t.Name, t.RegionCode, t.Address, t.UrbanRural.ToString(), t.RetiredAt != null);

    /// <summary>
    /// A teaching point sits in a current county and in the same province as its central school: the school
    /// manages it, and a school cannot manage a site in another province's jurisdiction.
    /// </summary>
    public static async Task<UrbanRural> ValidateAsync(OrganizationDbContext db, School centralSchool, TeachingPointInput input, Problems problems, CancellationToken ct)
    {
        problems.Required(input.Name, "name", "教学点名称").MaxLength(input.Name, 100, "name", "教学点名称");
        problems.MaxLength(input.Address, 200, "address", "地址");
        UrbanRural? urbanRural = string.IsNullOrWhiteSpace(input.UrbanRural) ? UrbanRural.Rural
            : Enum.TryParse<UrbanRural>(input.UrbanRural, true, out var ur) && Enum.IsDefined(ur) ? ur : null;
        problems.Check(urbanRural is not null, "urbanRural", "城乡分类必须是 Urban、Town 或 Rural");
        await SchoolRules.CheckRegionAsync(db, input.RegionCode, problems, ct);
        problems.Check(!RegionCode.IsWellFormed(input.RegionCode) || RegionCode.ProvinceOf(input.RegionCode!) == centralSchool.ProvinceCode,
            "regionCode", "教学点必须与中心校在同一省份");
        problems.Check(centralSchool.RetiredAt is null, "centralSchoolId", "中心校已撤销");
        return urbanRural ?? UrbanRural.Rural;
    }

    /// <summary>
    /// The central school, as the caller sees it. An invisible school is reported as missing with a 404, not a 400,
    /// so that the attempt (aimed outside the caller's scope) is audited as Denied like any other.
    /// </summary>
    public static async Task<School> FindCentralSchoolAsync(OrganizationDbContext db, Guid? id, CancellationToken ct) =>
        id is null ? throw ValidationFailedException.For("centralSchoolId", "请选择中心校")
            : await db.Schools.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("未找到该中心校");
}
