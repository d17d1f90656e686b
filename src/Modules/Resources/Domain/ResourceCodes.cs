namespace EduCloud.Resources.Domain;

/// <summary>
/// The code lists of resource metadata. Types follow CELTS-41 (教育资源建设技术规范, its nine types) plus the two
/// kinds the platform's users name separately (教学设计 lesson plans, 微课 micro-lectures); the two-letter codes are ours.
/// Languages are ISO 639 codes, including the minority languages taught in Chinese schools.
/// </summary>
internal static class ResourceCodes
{
    public static readonly IReadOnlyList<(string Code, string Name)> Types =
    [
        ("media", "媒体素材"), ("item", "试题"), ("paper", "试卷"), ("courseware", "课件"), ("case", "案例"),
        ("document", "文献资料"), ("course", "网络课程"), ("faq", "常见问题解答"), ("index", "资源目录索引"),
        ("design", "教学设计"), ("microlecture", "微课"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Stages = [("primary", "小学"), ("junior", "初中"), ("senior", "高中")];

    public static readonly IReadOnlyList<(string Code, string Name)> Subjects =
    [
        ("yuwen", "语文"), ("shuxue", "数学"), ("yingyu", "英语"), ("wuli", "物理"), ("huaxue", "化学"), ("shengwu", "生物"),
        ("lishi", "历史"), ("dili", "地理"), ("daofa", "道德与法治"), ("kexue", "科学"), ("yinyue", "音乐"), ("meishu", "美术"),
        ("tiyu", "体育与健康"), ("xinxi", "信息科技"), ("zhengzhi", "思想政治"),
    ];

    /// <summary>Grades 1-12 (一年级 ... 高三).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Grades =
    [
        ("1", "一年级"), ("2", "二年级"), ("3", "三年级"), ("4", "四年级"), ("5", "五年级"), ("6", "六年级"),
        ("7", "七年级"), ("8", "八年级"), ("9", "九年级"), ("10", "高一"), ("11", "高二"), ("12", "高三"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
    [
        ("zh", "汉语"), ("bo", "藏语"), ("ug", "维吾尔语"), ("mn", "蒙古语"), ("ii", "彝语"), ("za", "壮语"), ("ko", "朝鲜语"),
        ("kk", "哈萨克语"), ("hmn", "苗语"), ("en", "英语"),
    ];

    public static readonly IReadOnlyList<(string Code, string Name)> Licences =
    [
        ("platform", "平台授权使用"), ("cc-by", "CC BY 4.0"), ("cc-by-nc", "CC BY-NC 4.0"), ("cc-by-nc-sa", "CC BY-NC-SA 4.0"),
        ("school", "本校使用"), ("commercial", "商业授权（按订单）"),
    ];

    public static string NameOf(IReadOnlyList<(string Code, string Name)> list, string? code) =>
        list.FirstOrDefault(x => x.Code == code).Name ?? code ?? "";

    public static bool Has(IReadOnlyList<(string Code, string Name)> list, string? code) => list.Any(x => x.Code == code);

    public static string KindName(ResourceKind kind) => kind switch
    {
        ResourceKind.Basic => "基础性资源",
        ResourceKind.Personalised => "个性化资源",
        _ => "校本资源",
    };
}

/// <summary>基础性资源 (free by policy), 个性化资源 (bought through the market), 校本资源 (one school's own).</summary>
internal enum ResourceKind
{
    Basic = 1,
    Personalised = 2,
    SchoolBased = 3,
}
