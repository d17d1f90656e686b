using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Returns;

public sealed record ReturnRowDto(Guid Id, Guid SchoolId, string SchoolName, string CountyCode, int Year, int Version, string Status, string StatusName,
    DateTime? SubmittedAt, bool CanAct);

/// <summary>
/// The current returns of a year in the caller's scope (the kernel's filter decides which), the ones waiting for
/// the caller first. A county sees its schools' returns, a school its own.
/// </summary>
internal static class ListReturns
{
    public static async Task<IReadOnlyList<ReturnRowDto>> HandleAsync(MonitoringDbContext db, int year, string? status, CancellationToken ct)
    {
        var query = db.Returns.AsNoTracking().Where(r => r.Year == year && r.IsCurrent);
        if (Enum.TryParse<ReturnStatus>(status, ignoreCase: true, out var s))
        {
            query = query.Where(r => r.Status == s);
        }
        var rows = await query.OrderBy(r => r.CountyCode).ThenBy(r => r.SchoolName).Take(2000).ToListAsync(ct);
        return rows.Select(r => new ReturnRowDto(r.Id, r.School, r.SchoolName, r.CountyCode, r.Year, r.Version, r.Status.ToString(),
                ReturnWorkflow.StatusName(r.Status), r.SubmittedAt, ReturnWorkflow.AllowedFor(db.Actor, r).Any()))
            .OrderByDescending(r => r.CanAct).ToList();
    }

    public static async Task<Ok<IReadOnlyList<ReturnRowDto>>> EndpointAsync(MonitoringDbContext db, TimeProvider clock, int? year, string? status, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, year ?? clock.GetUtcNow().Year, status, ct));
}
