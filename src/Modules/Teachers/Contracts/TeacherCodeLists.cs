namespace EduCloud.Teachers.Contracts;

/// <summary>
/// The code lists the registry records and the census reports, published so the statistics can label their rows
/// without reaching into the module. Subjects: project codes with the ministry's subject names (义务教育课程方案 2022,
/// 普通高中课程方案 2017/2020). Education: GB/T 4658-2006 学历代码. Titles: 人社部发〔2015〕79号 (正高级 to 三级) plus 未评.
/// </summary>
public static class TeacherCodeLists
{
    public const string Untitled = "9";

    public static readonly IReadOnlyList<(string Code, string Name)> Subjects =
    [
        ("01", "道德与法治"), ("02", "语文"), ("03", "数学"), ("04", "英语"), ("05", "物理"), ("06", "化学"), ("07", "生物"),
        ("08", "历史"), ("09", "地理"), ("10", "科学"), ("11", "信息科技"), ("12", "音乐"), ("13", "美术"), ("14", "体育与健康"),
        ("15", "劳动"), ("16", "综合实践活动"), ("17", "心理健康"), ("18", "思想政治"), ("19", "通用技术"), ("20", "艺术"),
        ("21", "日语"), ("22", "俄语"), ("23", "学前教育"), ("24", "特殊教育"), ("99", "其他"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Educations =
    [
        ("11", "博士研究生"), ("14", "硕士研究生"), ("21", "大学本科"), ("31", "大学专科"), ("41", "中等专科"),
        ("61", "普通高中"), ("71", "初中"), ("90", "其他"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Titles =
    [
        ("1", "正高级教师"), ("2", "高级教师"), ("3", "一级教师"), ("4", "二级教师"), ("5", "三级教师"), (Untitled, "未评"),
    ];

    /// <summary>The kinds in the order a form lists them (not the enum's order).</summary>
    public static readonly IReadOnlyList<(QualificationKind Kind, string Name)> QualificationKinds =
    [
        (QualificationKind.Kindergarten, "幼儿园"), (QualificationKind.Primary, "小学"), (QualificationKind.JuniorSecondary, "初级中学"),
        (QualificationKind.SeniorSecondary, "高级中学"), (QualificationKind.VocationalSubject, "中职专业课"),
        (QualificationKind.VocationalPractice, "中职实习指导"),
    ];
}
