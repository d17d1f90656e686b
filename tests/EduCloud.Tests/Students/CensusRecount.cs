using EduCloud.Students.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using EduCloud.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Students;

/// <summary>
/// The packed census (one row per school, kept change by change) must equal both a GROUP BY over the student records
/// and what a recount from scratch would write (ADR 0033). The recount runs in a transaction that is rolled back, so
/// the kept census is compared, never replaced.
/// </summary>
internal static class CensusRecount
{
    public static Task AssertKeptEqualsRecountAsync(EduCloudFactory factory, params Guid[] schools) => factory.AsPlatformAsync(async sp =>
    {
        var census = sp.GetRequiredService<IStudentCensus>();
        var db = sp.GetRequiredService<StudentsDbContext>();
        var kept = Cells(await census.ReadSchoolsAsync(schools, CancellationToken.None));

        var records = await db.Students.IgnoreQueryFilters().Where(s => schools.Contains(s.SchoolId!.Value))
            .Select(s => new { s.SchoolId, s.ProvinceCode, s.CityCode, s.CountyCode, s.Stage, s.GradeLevel, s.Sex, s.EthnicityCode, s.UrbanRural, s.Status, s.LeftBehind, s.Migrant, s.Disability })
            .ToListAsync();
        var truth = records
            .GroupBy(s => $"{s.SchoolId}/{s.ProvinceCode}/{s.CityCode}/{s.CountyCode}/{(int)s.Stage}/{s.GradeLevel}/{(int)s.Sex}/{s.EthnicityCode}/{(int)s.UrbanRural}/{(int)s.Status}")
            .Select(g => $"{g.Key}={g.Count()},{g.Count(s => s.LeftBehind)},{g.Count(s => s.Migrant)},{g.Count(s => s.Disability != DisabilityKind.None)}")
            .Order(StringComparer.Ordinal).ToList();
        kept.ShouldBe(truth, "the kept census differs from a GROUP BY over the records");

        await using var tx = await db.Database.BeginTransactionAsync();
        await CensusKeeper.RecountSchoolsAsync(db, schools, CancellationToken.None);
        var recounted = Cells(await census.ReadSchoolsAsync(schools, CancellationToken.None));
        await tx.RollbackAsync();
        kept.ShouldBe(recounted, "the kept census differs from a recount");
        return kept.Count;
    });

    private static List<string> Cells(IEnumerable<CensusCell> cells) => cells
        .Select(c => $"{c.SchoolId}/{c.ProvinceCode}/{c.CityCode}/{c.CountyCode}/{(int)c.Stage}/{c.GradeLevel}/{(int)c.Sex}/{c.EthnicityCode}/{(int)c.UrbanRural}/{(int)c.Status}={c.Students},{c.LeftBehind},{c.Migrant},{c.Disabled}")
        .Order(StringComparer.Ordinal).ToList();
}
