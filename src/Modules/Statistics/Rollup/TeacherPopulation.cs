using System.Runtime.CompilerServices;
using EduCloud.Teachers.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Statistics.Rollup;

/// <summary>
/// Teachers as the statistics count them: active (在岗) teachers of a school, read only through the Teachers contract.
/// The census reports each teacher once, under their main subject (主教学科), so the subject rows add up to the total
/// even for teachers who teach several subjects. Every cell is active: the census leaves out teachers who have left.
/// </summary>
internal sealed class TeacherPopulation(ITeacherCensusChangeFeed feed) : IPopulationSource
{
    public const int Subject = 0, Qualification = 1, Education = 2, Title = 3, Sex = 4;

    private const string Unfilled = "未填写";

    private static readonly Dictionary<string, int> SubjectIndex = Index(TeacherCodeLists.Subjects);
    private static readonly Dictionary<string, int> EducationIndex = Index(TeacherCodeLists.Educations);
    private static readonly Dictionary<string, int> TitleIndex = Index(TeacherCodeLists.Titles);
    private static readonly Dictionary<QualificationKind, int> QualificationIndex =
        TeacherCodeLists.QualificationKinds.Select((q, i) => (q.Kind, i)).ToDictionary(x => x.Kind, x => x.i);

    public static readonly PopulationShape TeacherShape = new("teachers", ["教师数"],
    [
        new Dimension("subject", "任教学科", [.. TeacherCodeLists.Subjects.Select(s => s.Name), Unfilled], ShowZeros: false),
        new Dimension("qualification", "教师资格", [.. TeacherCodeLists.QualificationKinds.Select(q => q.Name + "教师资格"), "无教师资格"]),
        new Dimension("education", "最高学历", [.. TeacherCodeLists.Educations.Select(e => e.Name), Unfilled], ShowZeros: false),
        new Dimension("title", "职称", [.. TeacherCodeLists.Titles.Select(t => t.Name), Unfilled], ShowZeros: false),
        new Dimension("sex", "性别", ["男", "女", "未知", "未说明"]),
    ]);

    public PopulationShape Shape => TeacherShape;

    public void Subscribe(Action<IReadOnlyCollection<Guid>> changed) => feed.SchoolsChanged += changed;

    public async IAsyncEnumerable<SchoolNode> ReadAllAsync(IServiceProvider services, [EnumeratorCancellation] CancellationToken ct)
    {
        var facts = new List<SchoolFact>();
        await foreach (var cell in services.GetRequiredService<ITeacherCensus>().ReadAllAsync(ct))
        {
            facts.Add(ToFact(cell));
        }
        foreach (var school in RollupCube<TeacherPopulation>.ToSchools(facts))
        {
            yield return school;
        }
    }

    public async Task<IReadOnlyList<SchoolFact>> ReadSchoolsAsync(IServiceProvider services, IReadOnlyCollection<Guid> schoolIds, CancellationToken ct) =>
        (await services.GetRequiredService<ITeacherCensus>().ReadSchoolsAsync(schoolIds, ct)).Select(ToFact).ToList();

    public static SchoolFact ToFact(TeacherCell c)
    {
        var values = default(DimensionValues);
        values[Subject] = (byte)SubjectIndex.GetValueOrDefault(c.SubjectCode, SubjectIndex.Count);
        values[Qualification] = (byte)QualificationIndex.GetValueOrDefault(c.Qualification, QualificationIndex.Count);
        values[Education] = (byte)EducationIndex.GetValueOrDefault(c.EducationCode, EducationIndex.Count);
        values[Title] = (byte)TitleIndex.GetValueOrDefault(c.TitleCode, TitleIndex.Count);
        values[Sex] = (byte)(c.Sex switch { Kernel.Codes.Sex.Male => 0, Kernel.Codes.Sex.Female => 1, Kernel.Codes.Sex.Unknown => 2, _ => 3 });
        return new SchoolFact(c.SchoolId, c.ProvinceCode, c.CityCode, c.CountyCode, new Cell(true, values, new Measures(c.Teachers, 0, 0, 0)));
    }

    private static Dictionary<string, int> Index(IReadOnlyList<(string Code, string Name)> list) =>
        list.Select((e, i) => (e.Code, i)).ToDictionary(x => x.Code, x => x.i);
}
