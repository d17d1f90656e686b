using System.Globalization;
using EduCloud.Kernel.Codes;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Domain;
using C = EduCloud.Students.Features.Import.ImportColumns;

namespace EduCloud.Students.Features.Import;

/// <summary>One data row on its way in: the cells as read, what they mean, and what is wrong with them.</summary>
internal sealed class DraftRow(int rowNumber, string?[] cells)
{
    public int RowNumber { get; } = rowNumber;
    /// <summary>The file's cells, kept for the error report (which repeats the original columns).</summary>
    public string?[] Cells { get; } = cells;
    public List<(int Column, string Problem)>? Errors { get; private set; }
    public bool IsValid => Errors is null;

    public string Name = "";
    public Sex Sex;
    public DateOnly BirthDate;
    public string? CitizenId;
    public string StudentNumber = "";
    public string EthnicityCode = "";
    public HukouKind HukouKind;
    public string? HukouRegionCode;
    public bool LeftBehind, Migrant;
    public DisabilityKind Disability;
    public SchoolClassInfo? Class;
    public int EntryYear;
    public string? GuardianName, GuardianRelation, GuardianPhone;

    // Filled by the parallel stage for valid rows: the only place the plain ID is turned into stored forms.
    public string? CitizenIdCipher, CitizenIdHash, CitizenIdMasked, GuardianPhoneCipher, GuardianPhoneMasked;

    public void Fail(int column, string problem) => (Errors ??= []).Add((column, problem));

    /// <summary>第5行 公民身份号码：校验码不正确；第5行 班级：...</summary>
    public string Describe() =>
        string.Join("；", (Errors ?? []).Select(e => $"第{RowNumber}行 {C.Headers[e.Column]}：{e.Problem}"));
}

/// <summary>Checks one row on its own (no database): ID checksum and cross-checks, dates, codes, the class.</summary>
internal static class ValidateRow
{
    public static DraftRow Check(SheetRow row, int[] map, ClassFinder classes, DateOnly today)
    {
        var cells = new string[C.Headers.Length];
        for (var i = 0; i < map.Length && i < row.Cells.Length; i++)
        {
            if (map[i] >= 0)
            {
                cells[map[i]] = CellText.Clean(row.Cells[i]);
            }
        }
        string Cell(int column) => cells[column] ?? "";
        var d = new DraftRow(row.Number, row.Cells);

        d.Name = Cell(C.Name);
        if (d.Name.Length == 0)
        {
            d.Fail(C.Name, "不能为空");
        }
        else if (d.Name.Length > 50)
        {
            d.Fail(C.Name, "不能超过50个字");
        }

        CitizenId? id = null;
        var idText = Cell(C.CitizenId).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (idText.Length > 0)
        {
            id = CitizenId.TryParse(idText, out var idError);
            if (id is null)
            {
                d.Fail(C.CitizenId, (idError ?? "无效").Replace("公民身份号码", "", StringComparison.Ordinal) is { Length: > 0 } e ? e : "无效");
            }
            d.CitizenId = id?.Value;
        }

        var numberText = Cell(C.StudentNumber).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (numberText.Length > 0)
        {
            var number = StudentNumber.TryParse(numberText, out var numberError);
            if (number is null)
            {
                d.Fail(C.StudentNumber, numberError ?? "无效");
            }
            else if (number.Kind == StudentNumberKind.Formal && id is not null && !number.Value.AsSpan(1).SequenceEqual(id.Value))
            {
                d.Fail(C.StudentNumber, "G字头学籍号应为G加本人公民身份号码，与公民身份号码列不一致");
            }
            d.StudentNumber = number?.Value ?? "";
        }
        else if (id is not null)
        {
            d.StudentNumber = StudentNumber.Formal(id);
        }
        else if (idText.Length == 0)
        {
            d.Fail(C.CitizenId, "公民身份号码与学籍号至少填写一项");
        }

        CheckBirthAndSex(d, Cell(C.BirthDate), Cell(C.Sex), id, idText.Length > 0, today);
        CheckCodes(d, cells);

        var gradeText = Cell(C.Grade);
        var classText = Cell(C.Class);
        if (classText.Length == 0)
        {
            d.Fail(C.Class, "不能为空");
        }
        else
        {
            d.Class = classes.Find(gradeText, classText);
            if (d.Class is null)
            {
                if (gradeText.Length > 0 && !classes.KnowsGrade(gradeText))
                {
                    d.Fail(C.Grade, $"本校本学年没有“{gradeText}”");
                }
                else
                {
                    d.Fail(C.Class, $"本校本学年没有班级“{gradeText}{classText}”");
                }
            }
        }

        var entry = Cell(C.EntryMonth);
        if (entry.Length > 0)
        {
            if (CellText.ParseYearMonth(entry) is { } ym)
            {
                d.EntryYear = ym.Year;
            }
            else
            {
                d.Fail(C.EntryMonth, $"不是有效的年月（{entry}），应如2020-09");
            }
        }
        else
        {
            d.EntryYear = d.Class?.EntryYear ?? today.Year;
        }
        return d;
    }

    private static void CheckBirthAndSex(DraftRow d, string birthText, string sexText, CitizenId? id, bool idGiven, DateOnly today)
    {
        var birth = CellText.ParseDate(birthText, out var problem);
        switch (problem)
        {
            case CellText.DateProblem.DoesNotExist:
                d.Fail(C.BirthDate, $"日期不存在（{birthText}）");
                break;
            case CellText.DateProblem.NotADate:
                d.Fail(C.BirthDate, $"不是有效的日期（{birthText}），应如2015-09-01");
                break;
            case CellText.DateProblem.Empty when !idGiven:
                d.Fail(C.BirthDate, "不能为空");
                break;
        }
        if (birth is { } b && id is not null && b != id.BirthDate)
        {
            d.Fail(C.BirthDate, $"与公民身份号码中的出生日期（{id.BirthDate:yyyy-MM-dd}）不一致");
        }
        if (birth is { } future && future > today)
        {
            d.Fail(C.BirthDate, "不能晚于今天");
        }
        d.BirthDate = birth ?? id?.BirthDate ?? default;

        Sex? sex = sexText switch
        {
            "" => null,
            "男" or "男性" or "1" or "M" or "m" => Sex.Male,
            "女" or "女性" or "2" or "F" or "f" => Sex.Female,
            _ => Sex.Unknown,
        };
        if (sex == Sex.Unknown)
        {
            d.Fail(C.Sex, $"应为男或女（{sexText}）");
        }
        else if (sex is { } s && id is not null && s != id.Sex)
        {
            d.Fail(C.Sex, $"与公民身份号码不一致（身份证号为{(id.Sex == Sex.Male ? "男" : "女")}）");
        }
        else if (sex is null && !idGiven)
        {
            d.Fail(C.Sex, "不能为空");
        }
        d.Sex = sex ?? id?.Sex ?? Sex.Unknown;
    }

    private static void CheckCodes(DraftRow d, string?[] cells)
    {
        string Cell(int column) => cells[column] ?? "";
        var ethnicity = Cell(C.Ethnicity);
        if (ethnicity.Length == 0)
        {
            d.Fail(C.Ethnicity, "不能为空");
        }
        else if (Ethnicity.Parse(ethnicity) is { } e)
        {
            d.EthnicityCode = e.Code;
        }
        else
        {
            d.Fail(C.Ethnicity, $"未知的民族“{ethnicity}”（应为GB 3304中的民族名称或代码）");
        }

        HukouKind? hukou = Cell(C.HukouKind) switch
        {
            "" => HukouKind.Unknown,
            "农业" or "农业户口" or "农村" or "1" => HukouKind.Agricultural,
            "非农业" or "非农业户口" or "城镇" or "城镇户口" or "居民" or "居民户口" or "2" => HukouKind.NonAgricultural,
            _ => null,
        };
        if (hukou is null)
        {
            d.Fail(C.HukouKind, $"应为农业或非农业（{Cell(C.HukouKind)}）");
        }
        d.HukouKind = hukou ?? HukouKind.Unknown;

        var region = Cell(C.HukouRegion);
        if (region.Length > 0 && !RegionCode.IsWellFormed(region))
        {
            d.Fail(C.HukouRegion, $"应为6位行政区划代码（{region}）");
        }
        d.HukouRegionCode = region.Length > 0 ? region : null;

        (d.LeftBehind, var leftOk) = YesNo(Cell(C.LeftBehind));
        if (!leftOk)
        {
            d.Fail(C.LeftBehind, $"应填写是或否（{Cell(C.LeftBehind)}）");
        }
        (d.Migrant, var migrantOk) = YesNo(Cell(C.Migrant));
        if (!migrantOk)
        {
            d.Fail(C.Migrant, $"应填写是或否（{Cell(C.Migrant)}）");
        }

        DisabilityKind? disability = Cell(C.Disability).Replace("残疾", "", StringComparison.Ordinal) switch
        {
            "" or "无" or "非残疾" or "否" => DisabilityKind.None,
            "视力" => DisabilityKind.Visual,
            "听力" => DisabilityKind.Hearing,
            "言语" => DisabilityKind.Speech,
            "肢体" => DisabilityKind.Physical,
            "智力" => DisabilityKind.Intellectual,
            "精神" => DisabilityKind.Mental,
            "多重" => DisabilityKind.Multiple,
            _ => null,
        };
        if (disability is null)
        {
            d.Fail(C.Disability, $"未知的残疾类型“{Cell(C.Disability)}”（无、视力、听力、言语、肢体、智力、精神、多重）");
        }
        d.Disability = disability ?? DisabilityKind.None;

        d.GuardianName = NullIfEmpty(Cell(C.GuardianName));
        d.GuardianRelation = NullIfEmpty(Cell(C.GuardianRelation));
        var phone = Cell(C.GuardianPhone).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (phone.StartsWith("+86", StringComparison.Ordinal))
        {
            phone = phone[3..];
        }
        if (phone.Length > 0 && (!phone.All(char.IsAsciiDigit) || phone.Length is < 7 or > 12 || (phone.Length == 11 && phone[0] != '1')))
        {
            d.Fail(C.GuardianPhone, $"电话号码格式不正确（{Cell(C.GuardianPhone)}）");
        }
        d.GuardianPhone = NullIfEmpty(phone);
    }

    private static (bool Value, bool Ok) YesNo(string text) => CellText.ParseYesNo(text) is { } b ? (b, true) : (false, false);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    internal static string MaskPhone(string phone) =>
        phone.Length >= 7 ? string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4)) : new string('*', phone.Length);

    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
