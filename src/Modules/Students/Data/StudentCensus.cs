using System.Runtime.CompilerServices;
using EduCloud.Students.Contracts;
using EduCloud.Students.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Data;

internal sealed class StudentCensus(StudentsDbContext db) : IStudentCensus
{
    public IAsyncEnumerable<CensusCell> ReadAsync(CancellationToken ct) => Read(db.Census.AsNoTracking(), ct);

    public IAsyncEnumerable<CensusCell> ReadAllAsync(CancellationToken ct) => ReadAllCells.ReadAsync(db, ct);

    public async Task<IReadOnlyList<CensusCell>> ReadSchoolsAsync(IReadOnlyCollection<Guid> schoolIds, CancellationToken ct)
    {
        var list = new List<CensusCell>();
        await foreach (var cell in Read(db.Census.IgnoreQueryFilters().AsNoTracking().Where(c => schoolIds.Contains(c.SchoolId!.Value)), ct))
        {
            list.Add(cell);
        }
        return list;
    }

    /// <summary>
    /// Projects in the query, so no SchoolCensus entities are built: a cold rollup reads every cell of the country
    /// (about half a million for 10M students) and entity materialisation was most of its time.
    /// </summary>
    private static async IAsyncEnumerable<CensusCell> Read(IQueryable<SchoolCensus> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        var cells = rows.Where(c => c.Students != 0).Select(c => new CensusCell(c.SchoolId!.Value, c.ProvinceCode, c.CityCode, c.CountyCode, c.Stage,
            c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, (CensusStatus)c.Status, c.Students, c.LeftBehind, c.Migrant, c.Disabled));
        await foreach (var cell in cells.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return cell;
        }
    }
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
