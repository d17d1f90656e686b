namespace EduCloud.Students.Features.Import;

/// <summary>
/// The columns of the official-style class list (学生名单), in template order, with the other names schools give
/// them. The header row is found by matching these names, so a title row or a merged two-row header above or
/// around it does not matter, nor does the order of the columns.
/// </summary>
internal static class ImportColumns
{
    public const int Name = 0, Sex = 1, BirthDate = 2, CitizenId = 3, StudentNumber = 4, Ethnicity = 5, HukouKind = 6, HukouRegion = 7,
        LeftBehind = 8, Migrant = 9, Disability = 10, Grade = 11, Class = 12, EntryMonth = 13, GuardianName = 14, GuardianRelation = 15,
        GuardianPhone = 16;

    public static readonly string[] Headers =
    [
        "姓名", "性别", "出生日期", "公民身份号码", "学籍号", "民族", "户口性质", "户籍所在地", "是否留守儿童", "是否随迁子女", "残疾类型",
        "年级", "班级", "入学年月", "监护人姓名", "监护人关系", "监护人电话",
    ];

    /// <summary>Which columns must be present in the header row.</summary>
    public static readonly int[] Required = [Name, Grade, Class];

    private static readonly Dictionary<string, int> Known = BuildKnown();

    private static Dictionary<string, int> BuildKnown()
    {
        var known = new Dictionary<string, int>();
        for (var i = 0; i < Headers.Length; i++)
        {
            known[Headers[i]] = i;
        }
        void Alias(int column, params string[] names)
        {
            foreach (var n in names)
            {
                known[n] = column;
            }
        }
        Alias(Name, "学生姓名");
        Alias(BirthDate, "出生年月日", "出生年月", "生日");
        Alias(CitizenId, "身份证号", "身份证号码", "身份证件号", "身份证件号码", "公民身份证号", "公民身份证号码", "证件号码");
        Alias(StudentNumber, "全国学籍号", "学籍号码", "全国学籍号码");
        Alias(HukouRegion, "户籍所在地行政区划", "户籍地", "户口所在地");
        Alias(LeftBehind, "留守儿童", "是否留守");
        Alias(Migrant, "随迁子女", "是否进城务工人员随迁子女");
        Alias(Disability, "残疾类别", "残疾");
        Alias(Grade, "所在年级");
        Alias(Class, "班级名称", "所在班级", "班别");
        Alias(EntryMonth, "入学年份", "入学时间", "入学日期");
        Alias(GuardianName, "家长姓名", "监护人1姓名", "监护人");
        Alias(GuardianRelation, "与学生关系", "监护人1关系", "关系");
        Alias(GuardianPhone, "家长电话", "监护人1电话", "联系电话", "监护人联系电话", "联系方式", "电话");
        return known;
    }

    /// <summary>A header cell as typed: spaces, "*" marks, "（必填）" and line breaks are not part of the name.</summary>
    public static int? Match(string? cell)
    {
        var text = CellText.Clean(cell);
        if (text.Length == 0)
        {
            return null;
        }
        var buffer = new System.Text.StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '（')
            {
                depth++;
            }
            else if (c is ')' or '）')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && !char.IsWhiteSpace(c) && c != '*')
            {
                buffer.Append(c);
            }
        }
        return Known.TryGetValue(buffer.ToString(), out var column) ? column : null;
    }

    /// <summary>Maps file column index → canonical column (or -1), reading one header row.</summary>
    public static int[] MapRow(IReadOnlyList<string?> cells)
    {
        var map = new int[cells.Count];
        var seen = new HashSet<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            map[i] = Match(cells[i]) is { } c && seen.Add(c) ? c : -1;
        }
        return map;
    }

    /// <summary>
    /// A two-row header: a merged parent (监护人信息 over three columns) above sub-headers (姓名 / 关系 / 电话).
    /// Columns the first row left blank take the parent from the left (how a merged cell reads), and the sub-header is
    /// tried on its own and after the parent's first characters ("监护人" + "姓名").
    /// </summary>
    public static int[]? MapTwoRows(IReadOnlyList<string?> top, IReadOnlyList<string?> sub)
    {
        var width = Math.Max(top.Count, sub.Count);
        var map = new int[width];
        Array.Fill(map, -1);
        var seen = new HashSet<int>();
        var added = 0;
        string parent = "";
        for (var i = 0; i < width; i++)
        {
            var t = i < top.Count ? CellText.Clean(top[i]) : "";
            var s = i < sub.Count ? CellText.Clean(sub[i]) : "";
            if (t.Length > 0)
            {
                parent = t;
            }
            int? column = null;
            if (s.Length > 0)
            {
                var stem = parent.Replace("信息", "", StringComparison.Ordinal).Replace("情况", "", StringComparison.Ordinal);
                column = Match(stem + s) ?? (t.Length == 0 ? Match(s) : null);
                if (column is not null)
                {
                    added++;
                }
            }
            column ??= t.Length > 0 ? Match(t) : null;
            if (column is { } c && seen.Add(c))
            {
                map[i] = c;
            }
        }
        return added > 0 ? map : null;
    }

    public static int Score(int[] map) => map.Count(c => c >= 0);
}
