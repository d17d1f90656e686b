using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.TeachingPoints;

/// <summary>The teaching points of one central school, as far as the caller can see them.</summary>
internal static class ListTeachingPoints
{
    public static async Task<List<TeachingPointDto>> HandleAsync(OrganizationDbContext db, Guid schoolId, bool includeRetired, CancellationToken ct)
    {
        if (!await db.Schools.AnyAsync(s => s.Id == schoolId, ct))
        {
            throw new NotFoundException("未找到该学校");
        }
        var points = db.TeachingPoints.AsNoTracking().Where(t => t.CentralSchoolId == schoolId);
        if (!includeRetired)
        {
            points = points.Where(t => t.RetiredAt == null);
        }
        var rows = await points.OrderBy(t => t.Name).ToListAsync(ct);
        return rows.Select(t => t.ToDto()).ToList();
    }

    public static async Task<Ok<List<TeachingPointDto>>> EndpointAsync(OrganizationDbContext db, Guid id, bool? includeRetired, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, id, includeRetired ?? false, ct));
}
