using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Classes;

/// <summary>The classes of a grade, by number. A teacher sees only their own classes here: the scope filter decides.</summary>
internal static class ListClasses
{
    public static async Task<List<ClassDto>> HandleAsync(OrganizationDbContext db, Guid gradeId, bool includeRetired, CancellationToken ct)
    {
        var classes = db.Classes.AsNoTracking().Where(c => c.GradeId == gradeId);
        if (!includeRetired)
        {
            classes = classes.Where(c => c.RetiredAt == null);
        }
        var rows = await classes.OrderBy(c => c.Number).ToListAsync(ct);
        if (rows.Count == 0 && !await db.Grades.AnyAsync(g => g.Id == gradeId, ct))
        {
            throw new NotFoundException("未找到该年级");
        }
        return rows.Select(c => c.ToDto()).ToList();
    }

    public static async Task<Ok<List<ClassDto>>> EndpointAsync(OrganizationDbContext db, Guid id, bool? includeRetired, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, id, includeRetired ?? false, ct));
}
