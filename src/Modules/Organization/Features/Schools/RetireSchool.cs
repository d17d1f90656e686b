using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Schools;

/// <summary>撤销: a closed school is retired, never deleted, and its code is never reused. Reinstating undoes a mistake.</summary>
internal static class RetireSchool
{
    public static async Task<SchoolDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Guid id, bool retire, CancellationToken ct)
    {
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("未找到该学校");
        var now = clock.GetUtcNow().UtcDateTime;
        school.RetiredAt = retire ? now : null;
        school.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return school.ToDto();
    }

    public static async Task<Ok<SchoolDto>> RetireAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, true, ct));

    public static async Task<Ok<SchoolDto>> ReinstateAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, false, ct));
}
