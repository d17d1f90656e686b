using System.Runtime.CompilerServices;
using EduCloud.Students.Contracts;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Data;

internal sealed class StudentCensus(StudentsDbContext db) : IStudentCensus
{
    public IAsyncEnumerable<CensusCell> ReadAsync(CancellationToken ct) => Read(db.Census.AsNoTracking(), ct);

    public async IAsyncEnumerable<CensusCell> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var school in ReadAllSchoolsAsync(ct))
        {
            foreach (var cell in Flatten(school))
            {
                yield return cell;
            }
        }
    }

    public IAsyncEnumerable<CensusSchool> ReadAllSchoolsAsync(CancellationToken ct) => ReadAllSchools.ReadAsync(db, ct);

    public async Task<IReadOnlyList<CensusCell>> ReadSchoolsAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
    {
        var list = new List<CensusCell>();
        await foreach (var cell in Read(db.Census.IgnoreQueryFilters().AsNoTracking().Where(c => schoolIds.Contains(c.SchoolId!.Value)), ct))
        {
            list.Add(cell);
        }
        return list;
    }

    /// <summary>Projects in the query (no SchoolCensus entities are tracked), then unpacks each school's cells.</summary>
    private static async IAsyncEnumerable<CensusCell> Read(IQueryable<SchoolCensus> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        var schools = rows.Where(c => c.Students != 0)
            .Select(c => new { SchoolId = c.SchoolId!.Value, c.ProvinceCode, c.CityCode, c.CountyCode, c.Cells });
        await foreach (var s in schools.AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var cell in Flatten(new CensusSchool(s.SchoolId, s.ProvinceCode, s.CityCode, s.CountyCode, CensusCells.Read(s.Cells))))
            {
                yield return cell;
            }
        }
    }

    private static IEnumerable<CensusCell> Flatten(CensusSchool s) => s.Cells.Select(c => new CensusCell(s.SchoolId, s.ProvinceCode, s.CityCode,
        s.CountyCode, c.Stage, c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, c.Status, c.Students, c.LeftBehind, c.Migrant, c.Disabled));
}

internal sealed class CensusChangeFeed : ICensusChangeFeed
{
    private long _version;

    public event Action<IReadOnlyCollection<Guid>>? SchoolsChanged;

    public long Version => Interlocked.Read(ref _version);

    public void Publish(IReadOnlyCollection<Guid> schoolIds)
    {
        Interlocked.Increment(ref _version);
        SchoolsChanged?.Invoke(schoolIds);
    }
}
