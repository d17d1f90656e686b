namespace EduCloud.Kernel.Codes;

/// <summary>学校(机构)标识码 type digits (AA in AABBCCCCCC). Source: STANDARDS.md, 学校(机构)标识码 rules.</summary>
public static class SchoolTypes
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["11"] = "幼儿园",
        ["21"] = "小学",
        ["22"] = "成人小学",
        ["31"] = "初级中学",
        ["32"] = "职业初中",
        ["33"] = "成人初中",
        ["34"] = "高级中学",
        ["35"] = "成人高中",
        ["36"] = "中等职业学校",
        ["37"] = "工读学校",
        ["41"] = "普通高等学校",
        ["42"] = "成人高等学校",
        ["51"] = "特殊教育学校",
        ["91"] = "培养研究生的科研机构",
        ["92"] = "民办的其他高等教育机构",
        ["93"] = "中等职业培训机构",
    };

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);
}

/// <summary>学校标识码 (one school, one code): 10 digits, AABBCCCCCC.</summary>
public static class SchoolCode
{
    /// <summary>Returns a Chinese error naming what is wrong, or null when the code fits the school's region.</summary>
    public static string? Validate(string? code, string? regionCode)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "学校标识码不能为空";
        }
        if (code.Length != 10 || !code.All(char.IsAsciiDigit))
        {
            return "学校标识码应为10位数字";
        }
        if (!SchoolTypes.IsKnown(code[..2]))
        {
            return $"学校标识码前两位“{code[..2]}”不是已知的学校类别代码";
        }
        if (regionCode is { Length: >= 2 } && code.Substring(2, 2) != regionCode[..2])
        {
            return $"学校标识码第3-4位“{code.Substring(2, 2)}”与所在行政区划的省级代码“{regionCode[..2]}”不一致";
        }
        return null;
    }
}

/// <summary>学段 (education stage).</summary>
public enum Stage
{
    Preschool = 1,
    Primary = 2,
    Junior = 3,
    Senior = 4,
    Vocational = 5,
    Higher = 6,
    Special = 7,
}

/// <summary>城乡分类: urban / town / rural, simplified from the NBS 城乡分类代码 (111-122 urban, 2xx rural).</summary>
public enum UrbanRural
{
    Urban = 1,
    Town = 2,
    Rural = 3,
}
