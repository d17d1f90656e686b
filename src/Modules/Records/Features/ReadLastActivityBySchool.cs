using EduCloud.Records.Contracts;
using EduCloud.Records.Data;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Records.Features;

/// <summary>
/// Implements <see cref="ILearningActivity"/> from the statements' scope columns (SchoolId = where the learner sits
/// when the statement was stored; Stored = microseconds since the epoch). One GROUP BY, through the scope filter.
/// </summary>
internal sealed class ReadLastActivityBySchool(RecordsDbContext db) : ILearningActivity
{
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> LastActivityBySchoolAsync(IReadOnlyCollection<Guid>? schoolIds, CancellationToken ct)
    {
        var statements = db.Statements.AsNoTracking().Where(s => s.SchoolId != null && !s.Voided && !s.IsVoiding);
        if (schoolIds is not null)
        {
            var ids = schoolIds.Select(id => (Guid?)id).ToList();
            statements = statements.Where(s => ids.Contains(s.SchoolId));
        }
        var rows = await statements.GroupBy(s => s.SchoolId).Select(g => new { School = g.Key!.Value, Last = g.Max(s => s.Stored) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.School, r => DateTimeOffset.UnixEpoch.AddTicks(r.Last * 10));
    }
}
