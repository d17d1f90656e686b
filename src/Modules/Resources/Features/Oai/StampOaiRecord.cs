using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Oai;

/// <summary>
/// Keeps a resource's OAI-PMH record in step with publication, in the caller's SaveChanges (same transaction):
/// publishing gives a fresh datestamp, a takedown turns it into a tombstone with a fresh datestamp (deletedRecord =
/// persistent), so an incremental harvest learns of both. Also fills records for resources published before the
/// table existed (at start-up).
/// </summary>
internal static class StampOaiRecord
{
    public static async Task HandleAsync(ResourcesDbContext db, Resource resource, ResourceVersion version, bool deleted, DateTime now, CancellationToken ct)
    {
        if (resource.SchoolId is not null)
        {
            return; // 校本资源 stay within their school: never harvested.
        }
        var record = await db.OaiRecords.FirstOrDefaultAsync(r => r.ResourceId == resource.Id, ct);
        if (record is null)
        {
            record = new OaiRecord { ResourceId = resource.Id, SortKey = resource.Id.ToString("N") };
            db.OaiRecords.Add(record);
        }
        record.Datestamp = Truncate(now);
        record.Deleted = deleted;
        record.StageCode = version.StageCode;
        record.SubjectCode = version.SubjectCode;
    }

    /// <summary>Datestamps are whole microseconds: what PostgreSQL keeps, so a token made from a read value compares exactly.</summary>
    public static DateTime Truncate(DateTime at) => new(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Published resources without a record (data from before OAI-PMH) get one, stamped with their publication time.</summary>
    public static async Task<int> BackfillAsync(ResourcesDbContext db, CancellationToken ct)
    {
        var missing = await (from r in db.Resources
                             join v in db.Versions on r.PublishedVersionId equals v.Id
                             where r.SchoolId == null && !db.OaiRecords.Any(o => o.ResourceId == r.Id)
                             select new { r.Id, r.PublishedAt, v.StageCode, v.SubjectCode }).ToListAsync(ct);
        foreach (var m in missing)
        {
            db.OaiRecords.Add(new OaiRecord
            {
                ResourceId = m.Id, SortKey = m.Id.ToString("N"), Datestamp = Truncate(m.PublishedAt ?? DateTime.UtcNow),
                StageCode = m.StageCode, SubjectCode = m.SubjectCode,
            });
        }
        return missing.Count == 0 ? 0 : await db.SaveChangesAsync(ct);
    }
}
