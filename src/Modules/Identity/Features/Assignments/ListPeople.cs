using EduCloud.Identity.Contracts;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Assignments;

/// <summary>Implements <see cref="IPeopleDirectory"/> over role assignments and guardian links (live accounts only).</summary>
internal sealed class ListPeople(IdentityDbContext db) : IPeopleDirectory
{
    public async Task<IReadOnlyList<PlacedMember>> MembersOfClassesAsync(IReadOnlyCollection<Guid> classIds, IReadOnlyCollection<Role> roles, CancellationToken ct)
    {
        var ids = classIds.Select(c => (Guid?)c).ToList();
        return await MembersAsync(db.Assignments.IgnoreQueryFilters().Where(r => ids.Contains(r.ClassId) && roles.Contains(r.Role)), ct);
    }

    public async Task<IReadOnlyList<PlacedMember>> MembersOfSchoolsAsync(IReadOnlyCollection<Guid> schoolIds, IReadOnlyCollection<Role> roles, CancellationToken ct)
    {
        var ids = schoolIds.Select(c => (Guid?)c).ToList();
        return await MembersAsync(db.Assignments.IgnoreQueryFilters().Where(r => ids.Contains(r.SchoolId) && roles.Contains(r.Role)), ct);
    }

    public async Task<IReadOnlyList<PlacedMember>> PlacesOfAsync(Guid accountId, CancellationToken ct) =>
        await MembersAsync(db.Assignments.IgnoreQueryFilters().Where(r => r.AccountId == accountId), ct);

    private async Task<List<PlacedMember>> MembersAsync(IQueryable<Domain.RoleAssignment> assignments, CancellationToken ct) =>
        await (from r in assignments.AsNoTracking()
               join a in db.Accounts.IgnoreQueryFilters().AsNoTracking() on r.AccountId equals a.Id
               where a.RetiredAt == null
               orderby a.DisplayName
               select new PlacedMember(a.Id, a.DisplayName, r.Role, new ScopeKey(r.ProvinceCode, r.CityCode, r.CountyCode, r.SchoolId, r.ClassId), r.Subject))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<GuardianOf>> ParentsOfAsync(IReadOnlyCollection<Guid> studentIds, CancellationToken ct)
    {
        var accounts = db.Accounts.IgnoreQueryFilters().AsNoTracking().Where(a => a.RetiredAt == null);
        return await (from l in db.GuardianLinks.IgnoreQueryFilters().AsNoTracking()
                      where studentIds.Contains(l.ChildId)
                      join p in accounts on l.ParentId equals p.Id
                      join c in accounts on l.ChildId equals c.Id
                      orderby c.DisplayName, p.DisplayName
                      select new GuardianOf(p.Id, p.DisplayName, c.Id, c.DisplayName, l.Relation))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct) =>
        await db.Accounts.IgnoreQueryFilters().AsNoTracking().Where(a => accountIds.Contains(a.Id) && a.RetiredAt == null)
            .ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);
}
