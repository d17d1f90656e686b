using EduCloud.Kernel.Data;
using EduCloud.Kernel.Scope;

namespace EduCloud.Kernel.Audit;

/// <summary>
/// Writes audit lines that are not part of a data change: denied attempts, sign-ins and reads of
/// personal data. Changes are audited inside their own transaction by <see cref="ScopedDbContext"/>.
/// </summary>
public sealed class AuditTrail(AuditDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task RecordAsync(string action, string entityType, string entityId, AuditOutcome outcome, string details = "", ScopeKey? where = null, CancellationToken ct = default)
    {
        db.Entries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorName = actor.DisplayName ?? "anonymous",
            Action = action,
            EntityType = entityType,
            // The columns hold 64 and 1000 characters; PostgreSQL refuses longer values and the line would be lost
            // (a request path such as /api/v1/accounts/{id}/roles/{id} is an entity id here). Keep the id's tail.
            EntityId = entityId.Length <= 64 ? entityId : entityId[^64..],
            Details = details.Length <= 1000 ? details : details[..1000],
            ClientAddress = actor.ClientAddress,
            Outcome = outcome,
            ProvinceCode = where?.ProvinceCode ?? "",
            CityCode = where?.CityCode ?? "",
            CountyCode = where?.CountyCode ?? "",
            SchoolId = where?.SchoolId,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
