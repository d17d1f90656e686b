using EduCloud.Identity.Data;
using EduCloud.Kernel.Paging;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>Accounts the caller can see (by the scope filter), with masked personal data, paged.</summary>
internal static class ListAccounts
{
    /// <summary>The roles that may list and open accounts (API and pages): administrators, and teachers for their classes.</summary>
    public static readonly Role[] Roles = [Role.NationalAdmin, Role.ProvinceAdmin, Role.CityAdmin, Role.CountyAdmin, Role.SchoolAdmin, Role.Teacher];

    public static bool MayList(ICurrentActor actor) => actor.Scope.IsSystem || actor.Roles.Any(Roles.Contains);

    public sealed record Query(string? Q, string? Role, Guid? SchoolId, Guid? ClassId, bool IncludeRetired, int? Page, int? Size);

    public static async Task<Page<AccountDto>> HandleAsync(IdentityDbContext db, TimeProvider clock, Query query, CancellationToken ct)
    {
        var accounts = db.Accounts.AsNoTracking();
        if (!query.IncludeRetired)
        {
            accounts = accounts.Where(a => a.RetiredAt == null);
        }
        if (query.SchoolId is { } school)
        {
            accounts = accounts.Where(a => a.SchoolId == school);
        }
        if (query.ClassId is { } cls)
        {
            accounts = accounts.Where(a => a.ClassId == cls);
        }
        if (Enum.TryParse<Role>(query.Role, true, out var role))
        {
            accounts = accounts.Where(a => db.Assignments.Any(r => r.AccountId == a.Id && r.Role == role));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            accounts = accounts.Where(a => a.DisplayName.Contains(q) || a.UserName.Contains(q));
        }
        var page = await accounts.OrderBy(a => a.DisplayName).ThenBy(a => a.Id).ToPageAsync(query.Page, query.Size, ct);
        var ids = page.Items.Select(a => a.Id).ToList();
        var roles = (await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.AccountId)).ToListAsync(ct)).ToLookup(r => r.AccountId);
        var now = clock.GetUtcNow().UtcDateTime;
        return new Page<AccountDto>(page.Items.Select(a => a.ToDto(roles[a.Id], now)).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    public static async Task<Ok<Page<AccountDto>>> EndpointAsync(IdentityDbContext db, TimeProvider clock, string? q, string? role, Guid? schoolId, Guid? classId, bool? includeRetired, int? page, int? size, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, new Query(q, role, schoolId, classId, includeRetired ?? false, page, size), ct));
}
