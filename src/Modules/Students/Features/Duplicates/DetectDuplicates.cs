using EduCloud.Kernel.Scope;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Duplicates;

/// <summary>
/// Finds people (same citizen ID hash) active (Enrolled or Suspended) at two schools and flags each such pair once, as
/// a case owned by the lowest common bureau. Admission and import call <see cref="ForHashesAsync"/> after their own
/// save with the hashes they wrote (cheap: one indexed query); the scan endpoint covers everything else.
/// </summary>
internal static class DetectDuplicates
{
    private static readonly EnrolmentStatus[] Active = [EnrolmentStatus.Enrolled, EnrolmentStatus.Suspended];

    /// <summary>
    /// Flags the duplicates among the given hashes; returns how many new cases were opened. Call it after saving your
    /// own changes: the cases are written by the platform (a school cannot write a bureau's row), so the context must
    /// hold no other pending change.
    /// </summary>
    internal static async Task<int> ForHashesAsync(StudentsDbContext db, IReadOnlyCollection<string> hashes, CancellationToken ct)
    {
        if (hashes.Count == 0)
        {
            return 0;
        }
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Save your own changes before detecting duplicates.");
        }
        var rows = await db.Students.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CitizenIdHash != null && hashes.Contains(s.CitizenIdHash) && Active.Contains(s.Status) && s.SchoolId != null)
            .Select(s => new { s.Id, s.CitizenIdHash, s.SchoolId, s.ProvinceCode, s.CityCode, s.CountyCode })
            .ToListAsync(ct);
        var pairs = rows.GroupBy(r => r.CitizenIdHash!)
            .SelectMany(g => g.SelectMany(a => g.Where(b => a.Id.CompareTo(b.Id) < 0 && a.SchoolId != b.SchoolId), (a, b) => (A: a, B: b)))
            .ToList();
        if (pairs.Count == 0)
        {
            return 0;
        }
        var ids = pairs.Select(p => p.A.Id).ToList();
        var known = (await db.DuplicateCases.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.StudentAId))
            .Select(c => new { c.StudentAId, c.StudentBId }).ToListAsync(ct)).Select(c => (c.StudentAId, c.StudentBId)).ToHashSet();
        var now = DateTime.UtcNow;
        var opened = 0;
        foreach (var (a, b) in pairs.Where(p => !known.Contains((p.A.Id, p.B.Id))))
        {
            var (role, node) = ApprovalChain.LowestCommonBureau(
                new ScopeKey(a.ProvinceCode, a.CityCode, a.CountyCode, a.SchoolId, null), new ScopeKey(b.ProvinceCode, b.CityCode, b.CountyCode, b.SchoolId, null));
            db.DuplicateCases.Add(new DuplicateCase
            {
                CitizenIdHash = a.CitizenIdHash!,
                StudentAId = a.Id,
                StudentBId = b.Id,
                SchoolAId = a.SchoolId!.Value,
                SchoolBId = b.SchoolId!.Value,
                OwnerRole = role,
                FlaggedAt = now,
                ProvinceCode = node.ProvinceCode,
                CityCode = node.CityCode,
                CountyCode = node.CountyCode,
            });
            opened++;
        }
        if (opened > 0)
        {
            try
            {
                // The platform flags the case, not the caller: it belongs to a bureau the caller may not manage.
                await db.SaveChangesAsPlatformAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent scan flagged the same pair first (unique index): the case exists, which is the point.
                db.ChangeTracker.Clear();
                return 0;
            }
        }
        return opened;
    }

    /// <summary>Every hash held by active records at two or more schools (the on-demand scan).</summary>
    internal static async Task<int> ScanAsync(StudentsDbContext db, CancellationToken ct)
    {
        var hashes = await db.Students.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CitizenIdHash != null && Active.Contains(s.Status) && s.SchoolId != null)
            .GroupBy(s => s.CitizenIdHash!)
            .Where(g => g.Select(s => s.SchoolId).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToListAsync(ct);
        var opened = 0;
        foreach (var chunk in hashes.Chunk(500))
        {
            opened += await ForHashesAsync(db, chunk, ct);
        }
        return opened;
    }

    internal sealed record ScanResult(int Opened);

    internal static async Task<Ok<ScanResult>> ScanEndpointAsync(StudentsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new ScanResult(await ScanAsync(db, ct)));
}
