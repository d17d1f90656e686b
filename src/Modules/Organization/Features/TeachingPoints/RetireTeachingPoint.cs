using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.TeachingPoints;

/// <summary>撤并: a closed teaching point is retired, not deleted, so classes that were taught there keep their history.</summary>
internal static class RetireTeachingPoint
{
    public static async Task<TeachingPointDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Guid id, bool retire, CancellationToken ct)
    {
        var point = await db.TeachingPoints.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("未找到该教学点");
        var now = clock.GetUtcNow().UtcDateTime;
        point.RetiredAt = retire ? now : null;
        point.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return point.ToDto();
    }

    public static async Task<Ok<TeachingPointDto>> RetireAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, true, ct));

    public static async Task<Ok<TeachingPointDto>> ReinstateAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, false, ct));
}
