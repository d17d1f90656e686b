namespace EduCloud.Assessment.Domain;

/// <summary>学段 and 学科 codes: the same codes as the resource catalogue (Resources' ResourceCodes), so items and resources line up.</summary>
internal static class ItemCodes
{
    public static readonly IReadOnlyList<(string Code, string Name)> Stages = [("primary", "小学"), ("junior", "初中"), ("senior", "高中")];

    public static readonly IReadOnlyList<(string Code, string Name)> Subjects =
    [
        ("yuwen", "语文"), ("shuxue", "数学"), ("yingyu", "英语"), ("wuli", "物理"), ("huaxue", "化学"), ("shengwu", "生物"),
        ("lishi", "历史"), ("dili", "地理"), ("daofa", "道德与法治"), ("kexue", "科学"), ("yinyue", "音乐"), ("meishu", "美术"),
        ("tiyu", "体育与健康"), ("xinxi", "信息科技"), ("zhengzhi", "思想政治"),
    ];

    public static string NameOf(IReadOnlyList<(string Code, string Name)> list, string? code) => list.FirstOrDefault(x => x.Code == code).Name ?? code ?? "";

    public static bool Has(IReadOnlyList<(string Code, string Name)> list, string? code) => list.Any(x => x.Code == code);
}
