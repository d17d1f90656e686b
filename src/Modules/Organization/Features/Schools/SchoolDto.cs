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
    public static SchoolDto ToDto(this School s) => new(
        s.Id, s.Code, s.Name, s.TypeCode, SchoolTypes.Names.GetValueOrDefault(s.TypeCode, s.TypeCode),
        StageNames.ToNames(s.Stages), s.UrbanRural.ToString(), s.RegionCode, s.Address, s.RetiredAt != null);
}

internal static class StageNames
{
    public static string[] ToNames(StageSet stages) =>
        Enum.GetValues<StageSet>().Where(s => s != StageSet.None && stages.HasFlag(s)).Select(s => s.ToString()).ToArray();

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
