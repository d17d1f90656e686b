using System.Linq.Expressions;
using System.Reflection;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace EduCloud.Kernel.Data;

/// <summary>
/// The one data-scope mechanism. Every module context derives from this:
/// - reads: a global query filter on every <see cref="IScopedRow"/> (and <see cref="IOwnedByPerson"/>) type;
/// - changes: SaveChanges refuses any added, changed or deleted scoped row outside the caller's managed scope,
///   audits the refusal, and otherwise writes audit lines in the same transaction as the change.
/// </summary>
public abstract class ScopedDbContext(DbContextOptions options, ICurrentActor actor, TimeProvider clock) : DbContext(options)
{
    private static readonly MethodInfo ApplyFilterMethod = typeof(ScopedDbContext).GetMethod(nameof(ApplyFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>The PostgreSQL schema of this module; SQLite has none, so table names are unique across modules.</summary>
    protected abstract string ModuleSchema { get; }

    protected DataScope Scope => actor.Scope;

    public ICurrentActor Actor => actor;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Database.IsNpgsql())
        {
            modelBuilder.HasDefaultSchema(ModuleSchema);
        }
        ConfigureModel(modelBuilder);
        AuditModel.Configure(modelBuilder, Database.IsNpgsql(), excludeFromMigrations: true);
        foreach (var type in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IScopedRow).IsAssignableFrom(type) || typeof(IOwnedByPerson).IsAssignableFrom(type))
            {
                ApplyFilterMethod.MakeGenericMethod(type).Invoke(this, [modelBuilder]);
            }
        }
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    private void ApplyFilter<T>(ModelBuilder modelBuilder)
        where T : class
    {
        var parameter = Expression.Parameter(typeof(T), "e");
        Expression<Func<T, bool>>? filter = null;
        if (typeof(IScopedRow).IsAssignableFrom(typeof(T)))
        {
            // Each term is guarded by a parameter that is null when the term does not apply. EF removes a term
            // whose guard is null and keeps one SQL text per pattern of null guards in its command cache. A list
            // of one (most people: one county, one school) becomes a plain equality, which both databases can
            // walk in index order (CountyCode, RetiredAt, Code) for a page; a longer list is one parameter
            // (json_each on SQLite, = ANY on PostgreSQL). The platform's own queries (Unrestricted) carry no
            // filter. EF 10's default, one parameter per element, makes the SQL depend on the list's length,
            // which EF cannot cache: every query was re-generated under a lock shared by all callers (ADR 0009).
            Expression<Func<IScopedRow, bool>> byPlace = e =>
                EF.Parameter(ManyIn(Scope.Unrestricted, 0)) != null
                || (EF.Parameter(OnlyOf(Scope.Provinces)) != null && e.ProvinceCode == OnlyOf(Scope.Provinces))
                || (EF.Parameter(ManyIn(Scope.Provinces, 1)) != null && EF.Parameter(Scope.Provinces).Contains(e.ProvinceCode))
                || (EF.Parameter(OnlyOf(Scope.Cities)) != null && e.CityCode == OnlyOf(Scope.Cities))
                || (EF.Parameter(ManyIn(Scope.Cities, 1)) != null && EF.Parameter(Scope.Cities).Contains(e.CityCode))
                || (EF.Parameter(OnlyOf(Scope.Counties)) != null && e.CountyCode == OnlyOf(Scope.Counties))
                || (EF.Parameter(ManyIn(Scope.Counties, 1)) != null && EF.Parameter(Scope.Counties).Contains(e.CountyCode))
                || (EF.Parameter(OnlyOf(Scope.Schools)) != null && e.SchoolId == OnlyOf(Scope.Schools))
                || (EF.Parameter(ManyIn(Scope.Schools, 1)) != null && e.SchoolId != null && EF.Parameter(Scope.Schools).Contains(e.SchoolId.Value))
                || (EF.Parameter(OnlyOf(Scope.Classes)) != null && e.ClassId == OnlyOf(Scope.Classes))
                || (EF.Parameter(ManyIn(Scope.Classes, 1)) != null && e.ClassId != null && EF.Parameter(Scope.Classes).Contains(e.ClassId.Value));
            filter = Retarget<T, IScopedRow>(byPlace, parameter);
        }
        if (typeof(IOwnedByPerson).IsAssignableFrom(typeof(T)))
        {
            // The platform's "see everything" term lives in the place filter, so a person's row must also have a place.
            if (filter is null)
            {
                throw new InvalidOperationException($"{typeof(T).Name} is IOwnedByPerson and must also be IScopedRow");
            }
            Expression<Func<IOwnedByPerson, bool>> byPerson = e =>
                (EF.Parameter(OnlyOf(Scope.People)) != null && e.PersonId == OnlyOf(Scope.People))
                || (EF.Parameter(ManyIn(Scope.People, 1)) != null && EF.Parameter(Scope.People).Contains(e.PersonId));
            var personFilter = Retarget<T, IOwnedByPerson>(byPerson, parameter);
            filter = filter is null ? personFilter : Expression.Lambda<Func<T, bool>>(Expression.OrElse(filter.Body, personFilter.Body), filter.Parameters);
        }
        modelBuilder.Entity<T>().HasQueryFilter(filter!);
    }

    /// <summary>The guard of a list term: "" when the list has more than <paramref name="moreThan"/> members, else null.</summary>
    internal static string? ManyIn<TItem>(List<TItem> list, int moreThan) => list.Count > moreThan ? "" : null;

    /// <summary>The only member of a list of one, else null (the guard and value of an equality term).</summary>
    internal static string? OnlyOf(List<string> list) => list.Count == 1 ? list[0] : null;

    internal static Guid? OnlyOf(List<Guid> list) => list.Count == 1 ? list[0] : null;

    /// <summary>Rewrites a filter written against an interface so its parameter is the entity type itself.</summary>
    private static Expression<Func<T, bool>> Retarget<T, TInterface>(Expression<Func<TInterface, bool>> filter, ParameterExpression parameter)
    {
        var body = new ParameterSwap(filter.Parameters[0], parameter).Visit(filter.Body);
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            // e.ProvinceCode on the interface becomes e.ProvinceCode on the entity, which EF can map.
            if (node.Expression == from)
            {
                var property = to.Type.GetProperty(node.Member.Name) ?? throw new InvalidOperationException($"{to.Type.Name} lacks {node.Member.Name}");
                if (property.GetCustomAttribute<AliasOfAttribute>() is { } alias)
                {
                    property = to.Type.GetProperty(alias.Property)!;
                }
                return Expression.Property(to, property);
            }
            return base.VisitMember(node);
        }
    }

    private bool _platformWrite;

    /// <summary>
    /// Saves a change the platform makes on its own behalf (sign-in counters, for example), which the caller's
    /// scope must not block. Still audited. Use only where the change is not the caller's choice.
    /// </summary>
    public async Task<int> SaveChangesAsPlatformAsync(CancellationToken ct)
    {
        _platformWrite = true;
        try
        {
            return await SaveChangesAsync(ct);
        }
        finally
        {
            _platformWrite = false;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry and not IDerivedRow)
            .ToList();
        foreach (var entry in changes)
        {
            await GuardAsync(entry, cancellationToken);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in changes.Where(e => e.Entity is IScopedRow or IOwnedByPerson or IAudited))
        {
            Set<AuditEntry>().Add(Describe(entry, now));
        }
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task GuardAsync(EntityEntry entry, CancellationToken ct)
    {
        if (Scope.IsSystem || _platformWrite)
        {
            return;
        }
        var allowed = entry.Entity switch
        {
            IOwnedByPerson owned when owned.PersonId == actor.UserId && entry.State == EntityState.Modified => true,
            IScopedRow row => Scope.CanManage(ScopeKey.Of(row)) && (entry.State != EntityState.Modified || Scope.CanManage(OriginalKey(entry))),
            _ => true,
        };
        if (!allowed)
        {
            var key = entry.Entity is IScopedRow r ? ScopeKey.Of(r) : default;
            await RecordDenialAsync(entry, key, ct);
            throw new ForbiddenException();
        }
    }

    private static ScopeKey OriginalKey(EntityEntry entry) => new(
        (string)entry.OriginalValues[nameof(IScopedRow.ProvinceCode)]!,
        (string)entry.OriginalValues[nameof(IScopedRow.CityCode)]!,
        (string)entry.OriginalValues[nameof(IScopedRow.CountyCode)]!,
        (Guid?)entry.OriginalValues[nameof(IScopedRow.SchoolId)],
        (Guid?)entry.OriginalValues[nameof(IScopedRow.ClassId)]);

    /// <summary>The refused change is rolled back, but the attempt itself must survive: write it on its own.</summary>
    private async Task RecordDenialAsync(EntityEntry entry, ScopeKey key, CancellationToken ct)
    {
        var pending = ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged && e.State != EntityState.Detached).ToList();
        foreach (var e in pending)
        {
            e.State = e.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
        }
        var line = Describe(entry, clock.GetUtcNow().UtcDateTime);
        line.Action = AuditActions.Denied;
        line.Outcome = AuditOutcome.Denied;
        line.Details = entry.State.ToString().ToLowerInvariant() + " " + line.Details;
        line.ProvinceCode = key.ProvinceCode ?? "";
        line.CityCode = key.CityCode ?? "";
        line.CountyCode = key.CountyCode ?? "";
        line.SchoolId = key.SchoolId;
        Set<AuditEntry>().Add(line);
        await base.SaveChangesAsync(true, ct);
    }

    private AuditEntry Describe(EntityEntry entry, DateTime now)
    {
        var key = entry.Entity is IScopedRow row ? ScopeKey.Of(row) : new ScopeKey("", "", "", null, null);
        var changed = entry.State == EntityState.Modified
            ? entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)
            : [];
        return new AuditEntry
        {
            At = now,
            ActorId = actor.UserId,
            ActorName = actor.DisplayName ?? "system",
            Action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            },
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString())),
            Details = Truncate(string.Join(",", changed), 1000),
            ClientAddress = actor.ClientAddress,
            Outcome = AuditOutcome.Success,
            ProvinceCode = key.ProvinceCode ?? "",
            CityCode = key.CityCode ?? "",
            CountyCode = key.CountyCode ?? "",
            SchoolId = key.SchoolId,
        };
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
