using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Schools;

internal static class GetSchool
{
    public static async Task<SchoolDto?> HandleAsync(OrganizationDbContext db, Guid id, CancellationToken ct) =>
        (await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct))?.ToDto();

    public static async Task<Results<Ok<SchoolDto>, NotFound>> EndpointAsync(OrganizationDbContext db, Guid id, CancellationToken ct) =>
        await HandleAsync(db, id, ct) is { } school ? TypedResults.Ok(school) : TypedResults.NotFound();
}
