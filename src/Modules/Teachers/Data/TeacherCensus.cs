using System.Runtime.CompilerServices;
using EduCloud.Teachers.Contracts;
using EduCloud.Teachers.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Data;

/// <summary>The teacher counts by a GROUP BY over the registry (a few hundred thousand rows per province: no cache yet).</summary>
internal sealed class TeacherCensus(TeachersDbContext db) : ITeacherCensus
{
    public IAsyncEnumerable<TeacherCell> ReadAsync(CancellationToken ct) => Read(db.Teachers.AsNoTracking(), ct);

    public IAsyncEnumerable<TeacherCell> ReadAllAsync(CancellationToken ct) => Read(db.Teachers.IgnoreQueryFilters().AsNoTracking(), ct);

    public async Task<IReadOnlyList<TeacherCell>> ReadSchoolsAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
    {
        var list = new List<TeacherCell>();
        await foreach (var cell in Read(db.Teachers.IgnoreQueryFilters().AsNoTracking().Where(t => schoolIds.Contains(t.SchoolId!.Value)), ct))
        {
            list.Add(cell);
        }
        return list;
    }

    private static async IAsyncEnumerable<TeacherCell> Read(IQueryable<TeacherRecord> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        var cells = rows.Where(t => t.Status == TeacherStatus.Active && t.SchoolId != null)
            .GroupBy(t => new { t.SchoolId, t.ProvinceCode, t.CityCode, t.CountyCode, t.MainSubjectCode, t.HighestQualification, t.EducationCode, t.TitleCode, t.Sex })
            .Select(g => new { g.Key, Count = g.Count() });
        await foreach (var c in cells.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new TeacherCell(c.Key.SchoolId!.Value, c.Key.ProvinceCode, c.Key.CityCode, c.Key.CountyCode, c.Key.MainSubjectCode,
                c.Key.HighestQualification, c.Key.EducationCode, c.Key.TitleCode, c.Key.Sex, c.Count);
        }
    }
}
