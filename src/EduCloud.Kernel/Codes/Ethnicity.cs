namespace EduCloud.Kernel.Codes;

/// <summary>民族 (ethnic group), GB 3304-1991: 2-digit code, 2-letter code, name. 97 and 98 extend the 56 groups.</summary>
public sealed record Ethnicity(string Code, string Letters, string Name)
{
    public static readonly IReadOnlyList<Ethnicity> All =
    [
        new("01", "HA", "汉族"), new("02", "MG", "蒙古族"), new("03", "HU", "回族"), new("04", "ZA", "藏族"),
        new("05", "UG", "维吾尔族"), new("06", "MH", "苗族"), new("07", "YI", "彝族"), new("08", "ZH", "壮族"),
        new("09", "BY", "布依族"), new("10", "CS", "朝鲜族"), new("11", "MA", "满族"), new("12", "DO", "侗族"),
        new("13", "YA", "瑶族"), new("14", "BA", "白族"), new("15", "TJ", "土家族"), new("16", "HN", "哈尼族"),
        new("17", "KZ", "哈萨克族"), new("18", "DA", "傣族"), new("19", "LI", "黎族"), new("20", "LS", "傈僳族"),
        new("21", "VA", "佤族"), new("22", "SH", "畲族"), new("23", "GS", "高山族"), new("24", "LH", "拉祜族"),
        new("25", "SU", "水族"), new("26", "DX", "东乡族"), new("27", "NX", "纳西族"), new("28", "JP", "景颇族"),
        new("29", "KG", "柯尔克孜族"), new("30", "TU", "土族"), new("31", "DU", "达斡尔族"), new("32", "ML", "仫佬族"),
        new("33", "QI", "羌族"), new("34", "BL", "布朗族"), new("35", "SL", "撒拉族"), new("36", "MN", "毛南族"),
        new("37", "GL", "仡佬族"), new("38", "XB", "锡伯族"), new("39", "AC", "阿昌族"), new("40", "PM", "普米族"),
        new("41", "TA", "塔吉克族"), new("42", "NU", "怒族"), new("43", "UZ", "乌孜别克族"), new("44", "RS", "俄罗斯族"),
        new("45", "EW", "鄂温克族"), new("46", "DE", "德昂族"), new("47", "BN", "保安族"), new("48", "YG", "裕固族"),
        new("49", "GI", "京族"), new("50", "TT", "塔塔尔族"), new("51", "DR", "独龙族"), new("52", "OR", "鄂伦春族"),
        new("53", "HZ", "赫哲族"), new("54", "MB", "门巴族"), new("55", "LB", "珞巴族"), new("56", "JN", "基诺族"),
        new("97", "QT", "其他未识别民族"), new("98", "WG", "外国血统中国籍人士"),
    ];

    private static readonly Dictionary<string, Ethnicity> ByCode = All.ToDictionary(e => e.Code);
    private static readonly Dictionary<string, Ethnicity> ByName = All.ToDictionary(e => e.Name);

    public static Ethnicity? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var e) ? e : null;

    /// <summary>Accepts what spreadsheets hold: "01", "1", "汉族" or "汉".</summary>
    public static Ethnicity? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            return null;
        }
        if (t.All(char.IsAsciiDigit) && t.Length <= 2)
        {
            return Find(t.PadLeft(2, '0'));
        }
        return ByName.GetValueOrDefault(t) ?? ByName.GetValueOrDefault(t + "族") ?? All.FirstOrDefault(e => e.Letters.Equals(t, StringComparison.OrdinalIgnoreCase));
    }
}
