using System.Globalization;
using System.Text;
using EduCloud.Kernel.Codes;
using EduCloud.Students.Features.Import;

namespace EduCloud.Bench.Import;

/// <summary>
/// Generates N class-list rows with valid, unique citizen IDs as .csv (UTF-8 with BOM) and .xlsx, cached in
/// bench/data. The .xlsx is written with the same streaming writer as the error report (inline strings).
/// </summary>
internal static class ImportFiles
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "欧阳"];
    private static readonly string[] Given = ["浩然", "子涵", "欣怡", "梓轩", "雨桐", "宇航", "思琪", "俊杰", "诗涵", "博文", "嘉怡", "明"];
    private static readonly string[] Grades = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"];
    private static readonly string[] Ethnicities = ["汉族", "苗族", "布依族", "侗族", "土家族", "彝族"];

    public const int ClassesPerGrade = 20;

    public static string[] Row(int i)
    {
        var birth = new DateOnly(2014, 1, 1).AddDays(i % 2000);
        var first17 = "520102" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i / 2000 % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var id = first17 + CitizenId.ComputeCheckCharacter(first17);
        var male = (first17[16] - '0') % 2 == 1;
        return
        [
            Surnames[i % Surnames.Length] + Given[i / 7 % Given.Length], male ? "男" : "女", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), id, "",
            Ethnicities[i % Ethnicities.Length], i % 3 == 0 ? "农业" : "非农业", "520102", i % 11 == 0 ? "是" : "否", i % 13 == 0 ? "是" : "否", "无",
            Grades[i % 6], (i / 6 % ClassesPerGrade + 1) + "班", "", "家长" + (i % 100), "母亲", "139" + (i % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
        ];
    }

    public static (string Csv, string Xlsx) Ensure(string dataRoot, int rows)
    {
        Directory.CreateDirectory(dataRoot);
        var csv = Path.Combine(dataRoot, $"import-{rows}.csv");
        var xlsx = Path.Combine(dataRoot, $"import-{rows}.xlsx");
        if (!File.Exists(csv))
        {
            Console.WriteLine($"generating {csv}");
            Write(csv + ".tmp", Enumerable.Range(0, rows).Select(Row), csv: true);
            File.Move(csv + ".tmp", csv);
        }
        if (!File.Exists(xlsx))
        {
            Console.WriteLine($"generating {xlsx}");
            Write(xlsx + ".tmp", Enumerable.Range(0, rows).Select(Row), csv: false);
            File.Move(xlsx + ".tmp", xlsx);
        }
        return (csv, xlsx);
    }

    /// <summary>The first rows of the generated data and one row without a name at the end: a file an all-or-nothing import rejects.</summary>
    public static void WriteWarmUp(string path, int rows) =>
        Write(path, Enumerable.Range(0, rows).Select(Row).Append(Nameless(rows)), path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));

    private static string[] Nameless(int i)
    {
        var row = Row(i);
        row[0] = "";
        return row;
    }

    private static void Write(string path, IEnumerable<string[]> rows, bool csv)
    {
        if (csv)
        {
            using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
            writer.Write(string.Join(",", ImportColumns.Headers) + "\r\n");
            foreach (var row in rows)
            {
                writer.Write(string.Join(",", row) + "\r\n");
            }
            return;
        }
        using var file = new FileStream(path, FileMode.Create);
        using var xlsx = new XlsxStreamWriter(file, "学生名单");
        xlsx.WriteHeader(ImportColumns.Headers);
        foreach (var row in rows)
        {
            xlsx.WriteRow(row);
        }
    }
}
