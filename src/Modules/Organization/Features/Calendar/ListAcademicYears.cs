using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Calendar;

/// <summary>Academic years with their terms, newest first. National reference data: every signed-in user may read it.</summary>
internal static class ListAcademicYears
{
    public static async Task<List<AcademicYearDto>> HandleAsync(OrganizationDbContext db, CancellationToken ct)
    {
        var years = await db.AcademicYears.AsNoTracking().Include(y => y.Terms).OrderByDescending(y => y.StartYear).ToListAsync(ct);
        return years.Select(y => y.ToDto()).ToList();
    }

    public static async Task<Ok<List<AcademicYearDto>>> EndpointAsync(OrganizationDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, ct));
}
