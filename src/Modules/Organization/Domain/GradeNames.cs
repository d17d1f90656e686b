using EduCloud.Kernel.Codes;

namespace EduCloud.Organization.Domain;

internal static class GradeNames
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static int LevelsIn(Stage stage) => stage switch
    {
        Stage.Preschool => 3,
        Stage.Primary => 6,
        Stage.Junior => 3,
        Stage.Senior => 3,
        Stage.Vocational => 3,
        Stage.Higher => 5,
        _ => 9,
    };

    public static string For(Stage stage, int level) => stage switch
    {
        Stage.Preschool => level switch { 1 => "小班", 2 => "中班", _ => "大班" },
        Stage.Primary => Numerals[level - 1] + "年级",
        Stage.Junior => "初" + Numerals[level - 1],
        Stage.Senior => "高" + Numerals[level - 1],
        Stage.Vocational => "中职" + Numerals[level - 1] + "年级",
        Stage.Higher => "大" + Numerals[level - 1],
        _ => Numerals[Math.Min(level, 9) - 1] + "年级",
    };
}
