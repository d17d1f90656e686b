using EduCloud.Kernel.Codes;
using EduCloud.Organization.Domain;

namespace EduCloud.Organization.Features.Schools;

public sealed record SchoolDto(
    Guid Id,
    string Code,
    string Name,
    string TypeCode,
    string TypeName,
    string[] Stages,
    string UrbanRural,
    string RegionCode,
    string Address,
    bool Retired);

internal static class SchoolProjection
{
    public static SchoolDto ToDto(this School s) =>
        ToDto(s.Id, s.Code, s.Name, s.TypeCode, s.Stages, s.UrbanRural, s.RegionCode, s.Address, s.RetiredAt != null);

    /// <summary>The one mapping to the DTO, shared by the EF path and the data-reader path (ReadSchoolPage).</summary>
    public static SchoolDto ToDto(Guid id, string code, string name, string typeCode, StageSet stages, UrbanRural urbanRural, string regionCode, string address, bool retired) => new(
        id, code, name, typeCode, SchoolTypes.Names.GetValueOrDefault(typeCode, typeCode),
        StageNames.ToNames(stages), urbanRural.ToString(), regionCode, address, retired);
}

internal static class StageNames
{
    private static readonly StageSet[] Each = Enum.GetValues<StageSet>().Where(s => s != StageSet.None).ToArray();

    /// <summary>Every combination's names, made once: this runs for every row of every school list page (ADR 0019).
    /// The arrays are shared by the DTOs, which only ever serialise them.</summary>
    private static readonly string[][] Named = Enumerable.Range(0, (int)Each.Aggregate(StageSet.None, (a, s) => a | s) + 1)
        .Select(v => Each.Where(s => ((StageSet)v & s) == s).Select(s => s.ToString()).ToArray()).ToArray();

    public static string[] ToNames(StageSet stages) =>
        (uint)stages < (uint)Named.Length ? Named[(int)stages] : Each.Where(s => (stages & s) == s).Select(s => s.ToString()).ToArray();

    public static StageSet? Parse(IEnumerable<string>? names)
    {
        var set = StageSet.None;
        foreach (var name in names ?? [])
        {
            if (!Enum.TryParse<StageSet>(name, ignoreCase: true, out var stage) || stage == StageSet.None)
            {
                return null;
            }
            set |= stage;
        }
        return set;
    }

    public static string Chinese(StageSet stage) => stage switch
    {
        StageSet.Preschool => "学前",
        StageSet.Primary => "小学",
        StageSet.Junior => "初中",
        StageSet.Senior => "高中",
        StageSet.Vocational => "中职",
        StageSet.Higher => "高等教育",
        StageSet.Special => "特殊教育",
        _ => stage.ToString(),
    };
}
