using EduCloud.Identity.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>One account as the caller may see it (scope-filtered), masked, with its roles and guardian links.</summary>
internal static class GetAccount
{
    public sealed record Details(AccountDto Account, IReadOnlyList<Link> Guardians, IReadOnlyList<Link> Children);

    public sealed record Link(Guid LinkId, Guid AccountId, string DisplayName, string Relation);

    public static async Task<Details?> HandleAsync(IdentityDbContext db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return null;
        }
        var roles = await db.Assignments.IgnoreQueryFilters().AsNoTracking().Where(r => r.AccountId == id).OrderBy(r => r.Role).ToListAsync(ct);
        // Links are shown only where the linked account is itself visible to the caller.
        var guardians = await (from l in db.GuardianLinks.AsNoTracking()
                               join p in db.Accounts on l.ParentId equals p.Id
                               where l.ChildId == id
                               select new Link(l.Id, p.Id, p.DisplayName, l.Relation)).ToListAsync(ct);
        var children = await (from l in db.GuardianLinks.AsNoTracking()
                              join c in db.Accounts on l.ChildId equals c.Id
                              where l.ParentId == id
                              select new Link(l.Id, c.Id, c.DisplayName, l.Relation)).ToListAsync(ct);
        return new Details(account.ToDto(roles, clock.GetUtcNow().UtcDateTime), guardians, children);
    }

    public static async Task<Results<Ok<Details>, NotFound>> EndpointAsync(IdentityDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        await HandleAsync(db, clock, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();
}
