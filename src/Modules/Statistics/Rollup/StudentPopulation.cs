using System.Runtime.CompilerServices;
using EduCloud.Kernel.Codes;
using EduCloud.Students.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Statistics.Rollup;

/// <summary>
/// Students as the statistics count them, read only through the Students contract (the per-school census, exact at
/// every commit). Active means 在籍: enrolled (在读) or suspended (休学); withdrawn and graduated students appear only
/// in the status breakdown.
/// </summary>
internal sealed class StudentPopulation(ICensusChangeFeed feed) : IPopulationSource
{
    public const int Stage = 0, Grade = 1, Sex = 2, Ethnicity = 3, UrbanRural = 4, Status = 5;

    /// <summary>Grade levels per stage kept apart; 12 covers 九年一贯 and 特殊教育 schools' longest runs.</summary>
    private const int GradesPerStage = 12;

    private static readonly Stage[] Stages = Enum.GetValues<Stage>();
    private static readonly Sex[] Sexes = [Kernel.Codes.Sex.Male, Kernel.Codes.Sex.Female, Kernel.Codes.Sex.Unknown, Kernel.Codes.Sex.NotStated];
    private static readonly Dictionary<string, int> EthnicityIndex =
        Kernel.Codes.Ethnicity.All.Select((e, i) => (e.Code, i)).ToDictionary(x => x.Code, x => x.i);

    // Declared before the shape: static fields initialise in text order.
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    public static readonly PopulationShape StudentShape = new("students", ["学生数", "留守儿童", "随迁子女", "残疾学生"],
    [
        new Dimension("stage", "学段", Stages.Select(StageName).ToList()),
        new Dimension("grade", "年级", Stages.SelectMany(s => Enumerable.Range(1, GradesPerStage).Select(g => GradeName(s, g))).ToList(), ShowZeros: false),
        new Dimension("sex", "性别", ["男", "女", "未知", "未说明"]),
        new Dimension("ethnicity", "民族", [.. Kernel.Codes.Ethnicity.All.Select(e => e.Name), "未填写"], ShowZeros: false),
        new Dimension("urbanRural", "城乡", ["城区", "镇区", "乡村"]),
        new Dimension("status", "学籍状态", ["在读", "休学", "退学", "毕业"], CountsInactive: true),
    ]);

    public PopulationShape Shape => StudentShape;

    public void Subscribe(Action<IReadOnlyCollection<Guid>> changed) => feed.SchoolsChanged += changed;

    /// <summary>Each school's cells arrive together (one packed row per school), so they go straight into its node.</summary>
    public async IAsyncEnumerable<SchoolNode> ReadAllAsync(IServiceProvider services, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var s in services.GetRequiredService<IStudentCensus>().ReadAllSchoolsAsync(ct))
        {
            var cells = new Cell[s.Cells.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var c = s.Cells[i];
                cells[i] = ToCell(c.Stage, c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, c.Status, new Measures(c.Students, c.LeftBehind, c.Migrant, c.Disabled));
            }
            yield return new SchoolNode(s.SchoolId, s.ProvinceCode, s.CityCode, s.CountyCode, cells);
        }
    }

    public async Task<IReadOnlyList<SchoolFact>> ReadSchoolsAsync(IServiceProvider services, IReadOnlyCollection<Guid> schoolIds, CancellationToken ct) =>
        (await services.GetRequiredService<IStudentCensus>().ReadSchoolsAsync(schoolIds, ct)).Select(ToFact).ToList();

    public static SchoolFact ToFact(CensusCell c) => new(c.SchoolId, c.ProvinceCode, c.CityCode, c.CountyCode,
        ToCell(c.Stage, c.GradeLevel, c.Sex, c.EthnicityCode, c.UrbanRural, c.Status, new Measures(c.Students, c.LeftBehind, c.Migrant, c.Disabled)));

    public static Cell ToCell(Stage stage, int gradeLevel, Sex sex, string ethnicityCode, UrbanRural urbanRural, CensusStatus status, Measures measures)
    {
        var values = default(DimensionValues);
        var stageIndex = Math.Clamp((int)stage, 1, Stages.Length) - 1;
        values[Stage] = (byte)stageIndex;
        values[Grade] = (byte)(stageIndex * GradesPerStage + Math.Clamp(gradeLevel, 1, GradesPerStage) - 1);
        values[Sex] = (byte)(sex switch { Kernel.Codes.Sex.Male => 0, Kernel.Codes.Sex.Female => 1, Kernel.Codes.Sex.Unknown => 2, _ => 3 });
        values[Ethnicity] = (byte)(EthnicityIndex.TryGetValue(ethnicityCode, out var e) ? e : EthnicityIndex.Count);
        values[UrbanRural] = (byte)(Math.Clamp((int)urbanRural, 1, 3) - 1);
        values[Status] = (byte)(Math.Clamp((int)status, 1, 4) - 1);
        return new Cell(status is CensusStatus.Enrolled or CensusStatus.Suspended, values, measures);
    }

    public static string StageName(Stage stage) => stage switch
    {
        Kernel.Codes.Stage.Preschool => "学前",
        Kernel.Codes.Stage.Primary => "小学",
        Kernel.Codes.Stage.Junior => "初中",
        Kernel.Codes.Stage.Senior => "高中",
        Kernel.Codes.Stage.Vocational => "中职",
        Kernel.Codes.Stage.Higher => "高等教育",
        _ => "特殊教育",
    };

    public static string GradeName(Stage stage, int level) => stage switch
    {
        Kernel.Codes.Stage.Preschool when level <= 3 => new[] { "小班", "中班", "大班" }[level - 1],
        Kernel.Codes.Stage.Primary => Numerals[level - 1] + "年级",
        Kernel.Codes.Stage.Junior => "初" + Numerals[level - 1],
        Kernel.Codes.Stage.Senior => "高" + Numerals[level - 1],
        _ => StageName(stage) + Numerals[level - 1] + "年级",
    };
}
