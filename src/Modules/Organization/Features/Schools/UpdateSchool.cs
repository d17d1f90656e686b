using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Schools;

/// <summary>Edits a school. The code never changes (一校一码); a new region must still match the code's province digits.</summary>
internal static class UpdateSchool
{
    public static async Task<SchoolDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Guid id, SchoolInput input, CancellationToken ct)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("未找到该学校");
        var problems = new Problems();
        var (stages, urbanRural) = await SchoolRules.ValidateAsync(db, input, school.Code, problems, ct);
        problems.ThrowIfAny();
        school.Name = input.Name!.Trim();
        school.Stages = stages;
        school.UrbanRural = urbanRural;
        school.Address = input.Address?.Trim() ?? "";
        if (school.RegionCode != input.RegionCode)
        {
            school.RegionCode = input.RegionCode!;
            school.PlaceInCounty(school.RegionCode);
        }
        school.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return school.ToDto();
    }

    public static async Task<Ok<SchoolDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, SchoolInput input, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, input, ct));
}
