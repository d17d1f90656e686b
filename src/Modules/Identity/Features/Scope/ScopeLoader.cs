using EduCloud.Identity.Data;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EduCloud.Identity.Features.Scope;

/// <summary>
/// Turns a person's role assignments into their <see cref="DataScope"/>. Cached briefly per person because
/// every request needs it; <see cref="Forget"/> drops the entry when assignments change on this node.
/// Within one process a grant or revoke applies to the person's very next request: Forget bumps a generation,
/// and a load that read the assignments before the bump does not cache what it read (else a request racing the
/// change could put the old scope back for <see cref="CacheFor"/>). Another process (a second node) keeps its
/// cached scope until the entry expires, so across processes a role change applies within <see cref="CacheFor"/>.
/// </summary>
internal sealed class ScopeLoader(IdentityDbContext db, IOrganizationDirectory directory, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public sealed record Loaded(DataScope Scope, IReadOnlyList<Role> Roles, string DisplayName, string SecurityStamp, bool Retired, bool MustChangePassword = false);

    public async Task<Loaded?> LoadAsync(Guid accountId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(accountId), out Loaded? cached))
        {
            return cached;
        }
        // Thousands of students whose cached scopes expire together (an exam: 2,000 answers within seconds) would each
        // open a connection here, outside any feature's own limiter, and empty the pool; loads beyond a few wait instead.
        await Loads.WaitAsync(ct);
        try
        {
            return await ReadAsync(accountId, ct);
        }
        finally
        {
            Loads.Release();
        }
    }

    private static readonly SemaphoreSlim Loads = new(16);

    private async Task<Loaded?> ReadAsync(Guid accountId, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(accountId), out Loaded? cached))
        {
            return cached; // loaded by a request that held the slot before this one
        }
        var generation = Generations.GetValueOrDefault(accountId);
        // The account and its assignments in one round trip (every student's scope is reloaded every CacheFor during
        // an exam); the guardian links only for a parent, the one role that needs them.
        var account = await db.Accounts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                a.DisplayName, a.SecurityStamp, a.RetiredAt, a.MustChangePassword,
                Assignments = db.Assignments.IgnoreQueryFilters().Where(x => x.AccountId == a.Id).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }
        var assignments = account.Assignments;
        var children = assignments.Any(a => a.Role == Role.Parent)
            ? await db.GuardianLinks.IgnoreQueryFilters().AsNoTracking().Where(l => l.ParentId == accountId).Select(l => l.ChildId).ToListAsync(ct)
            : [];
        var scope = new DataScope { UserId = accountId };
        scope.People.Add(accountId);
        if (account.RetiredAt is null)
        {
            foreach (var a in assignments)
            {
                await AddAsync(scope, a.Role, a.RegionCode, a.SchoolId, a.ClassId, ct);
            }
            if (assignments.Any(a => a.Role == Role.Parent))
            {
                scope.People.AddRange(children);
            }
        }
        var loaded = new Loaded(scope, assignments.Select(a => a.Role).Distinct().ToList(), account.DisplayName, account.SecurityStamp, account.RetiredAt is not null, account.MustChangePassword);
        if (Generations.GetValueOrDefault(accountId) == generation)
        {
            cache.Set(Key(accountId), loaded, CacheFor);
        }
        return loaded;
    }

    /// <summary>Bumped before the entry is dropped, so a load in flight sees the bump and does not re-cache the old scope.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, long> Generations = new();

    public void Forget(Guid accountId)
    {
        Generations.AddOrUpdate(accountId, 1, (_, g) => g + 1);
        cache.Remove(Key(accountId));
    }

    /// <summary>The cached scope, if any, without building the loader and its two DbContexts (the common case).</summary>
    public static Loaded? Cached(IMemoryCache cache, Guid accountId) => cache.TryGetValue(Key(accountId), out Loaded? loaded) ? loaded : null;

    private async Task AddAsync(DataScope scope, Role role, string? regionCode, Guid? schoolId, Guid? classId, CancellationToken ct)
    {
        switch (role)
        {
            case Role.NationalAdmin:
                // Every province, plus "" for rows at the root (national administrators, providers).
                var provinces = (await directory.ProvinceCodesAsync(ct)).Append("").ToList();
                scope.Provinces.AddRange(provinces);
                scope.ManagedProvinces.AddRange(provinces);
                break;
            case Role.ProvinceAdmin or Role.CityAdmin or Role.CountyAdmin when regionCode is not null:
                AddRegion(scope, regionCode, manage: true);
                break;
            case Role.ResourceReviewer when regionCode is not null:
                AddRegion(scope, regionCode, manage: false);
                break;
            case Role.SchoolAdmin when schoolId is not null:
                scope.Schools.Add(schoolId.Value);
                scope.ManagedSchools.Add(schoolId.Value);
                break;
            case Role.Teacher when classId is not null:
                // A teacher sees their own classes (and so the students whose home is that class), nothing more.
                scope.Classes.Add(classId.Value);
                break;
            default:
                // Students, parents and providers see rows about themselves (People), not places.
                break;
        }
    }

    private static void AddRegion(DataScope scope, string code, bool manage)
    {
        var (read, managed) = RegionCode.LevelOf(code) switch
        {
            RegionLevel.Province => (scope.Provinces, scope.ManagedProvinces),
            RegionLevel.City => (scope.Cities, scope.ManagedCities),
            _ => (scope.Counties, scope.ManagedCounties),
        };
        read.Add(code);
        if (manage)
        {
            managed.Add(code);
        }
    }

    private static string Key(Guid accountId) => "scope:" + accountId.ToString("N");
}
