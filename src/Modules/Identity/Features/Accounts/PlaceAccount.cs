using EduCloud.Identity.Contracts;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>Implements <see cref="IAccountPlacement"/>: the home node of an active account, nothing else.</summary>
internal sealed class PlaceAccount(IdentityDbContext db) : IAccountPlacement
{
    public Task<PlacedAccount?> FindAsync(Guid accountId, CancellationToken ct) =>
        db.Accounts.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == accountId && a.RetiredAt == null)
            .Select(a => new PlacedAccount(a.Id, a.UserName, new ScopeKey(a.ProvinceCode, a.CityCode, a.CountyCode, a.SchoolId, a.ClassId)))
            .FirstOrDefaultAsync(ct);

    public Task<PlacedAccount?> FindByUserNameAsync(string userName, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant();
        return db.Accounts.IgnoreQueryFilters().AsNoTracking().Where(a => a.NormalizedUserName == normalized && a.RetiredAt == null)
            .Select(a => new PlacedAccount(a.Id, a.UserName, new ScopeKey(a.ProvinceCode, a.CityCode, a.CountyCode, a.SchoolId, a.ClassId)))
            .FirstOrDefaultAsync(ct);
    }
}
