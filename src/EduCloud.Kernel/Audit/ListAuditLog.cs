using EduCloud.Kernel.Data;
using EduCloud.Kernel.Paging;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Kernel.Audit;

/// <summary>
/// 审计日志查询: administrators read the audit trail of their own area, newest first, filtered and paged.
/// </summary>
public static class ListAuditLog
{
    public sealed record Query(string? Action, string? EntityType, Guid? ActorId, DateOnly? From, DateOnly? To, int? Page, int? Size);

    public sealed record Line(long Id, DateTime At, Guid? ActorId, string ActorName, string Action, string EntityType, string EntityId,
        string Details, string? ClientAddress, string Outcome, string ProvinceCode, string CityCode, string CountyCode, Guid? SchoolId);

    public static async Task<Page<Line>> HandleAsync(AuditDbContext db, ICurrentActor actor, Query query, CancellationToken ct)
    {
        var scope = actor.Scope;
        var lines = db.Entries.AsNoTracking();
        if (!scope.IsSystem)
        {
            // AuditDbContext is not a ScopedDbContext (the audit trail must be writable whatever the caller's scope,
            // including for refused attempts), so it has no global scope filter. This one query applies the caller's
            // read sets by hand, the same way the shared filter does. A national administrator's province list
            // includes "" so platform-level lines (unknown user names, providers) are theirs too.
            var provinces = scope.Provinces;
            var cities = scope.Cities;
            var counties = scope.Counties;
            var schools = scope.Schools;
            lines = lines.Where(e => provinces.Contains(e.ProvinceCode) || cities.Contains(e.CityCode) || counties.Contains(e.CountyCode)
                || (e.SchoolId != null && schools.Contains(e.SchoolId.Value)));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            lines = lines.Where(e => e.Action == query.Action.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            lines = lines.Where(e => e.EntityType == query.EntityType.Trim());
        }
        if (query.ActorId is { } actorId)
        {
            lines = lines.Where(e => e.ActorId == actorId);
        }
        // Dates are calendar days in China Standard Time (UTC+8), the users' clock; rows are stored in UTC.
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            lines = lines.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            lines = lines.Where(e => e.At < end);
        }
        var page = await lines.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new Line(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Details, e.ClientAddress,
                e.Outcome.ToString(), e.ProvinceCode, e.CityCode, e.CountyCode, e.SchoolId))
            .ToPageAsync(query.Page, query.Size, ct);
        return page;
    }

    /// <summary>Mapped by the Identity module (the kernel has no endpoints of its own), under its administrator check.</summary>
    public static async Task<Ok<Page<Line>>> EndpointAsync(AuditDbContext db, ICurrentActor actor, Query query, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, actor, query, ct));
}
