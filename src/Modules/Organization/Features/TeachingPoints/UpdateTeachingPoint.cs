using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.TeachingPoints;

/// <summary>Edits a teaching point. Its central school does not change here; moving it is a separate decision.</summary>
internal static class UpdateTeachingPoint
{
    public static async Task<TeachingPointDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Guid id, TeachingPointInput input, CancellationToken ct)
    {
        var point = await db.TeachingPoints.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("未找到该教学点");
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == point.CentralSchoolId, ct) ?? throw new NotFoundException("未找到该教学点的中心校");
        var problems = new Problems();
        var urbanRural = await TeachingPointRules.ValidateAsync(db, school, input, problems, ct);
        problems.ThrowIfAny();
        point.Name = input.Name!.Trim();
        point.Address = input.Address?.Trim() ?? "";
        point.UrbanRural = urbanRural;
        if (point.RegionCode != input.RegionCode)
        {
            point.RegionCode = input.RegionCode!;
            point.PlaceInCounty(point.RegionCode);
        }
        point.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return point.ToDto();
    }

    public static async Task<Ok<TeachingPointDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, TeachingPointInput input, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, input, ct));
}
