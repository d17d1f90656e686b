using System.Text;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Students.Features.Import;

internal static class Spreadsheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>
/// 学生名单模板: the official-style class list with Chinese headers, as .xlsx (text-formatted ID columns, drop-down
/// lists, a sheet of instructions) or as .csv (UTF-8 with a BOM so Excel shows the Chinese).
/// </summary>
internal static class DownloadTemplate
{
    private static readonly (string Header, string Note)[] Notes =
    [
        ("姓名", "必填"), ("性别", "男/女；可不填，按身份证号"), ("出生日期", "如2015-09-01；须与身份证号一致"),
        ("公民身份号码", "18位，末位可为X；无身份证号时填学籍号"), ("学籍号", "选填：G/J/L字头19位；不填则为G加身份证号"),
        ("民族", "如汉族、苗族，或两位代码"), ("户口性质", "农业/非农业"), ("户籍所在地", "6位行政区划代码，如520102"),
        ("是否留守儿童", "是/否"), ("是否随迁子女", "是/否"), ("残疾类型", "无、视力、听力、言语、肢体、智力、精神、多重"),
        ("年级", "必填，如一年级、初一"), ("班级", "必填，如1班"), ("入学年月", "如2020-09；不填按年级"),
        ("监护人姓名", ""), ("监护人关系", "父亲、母亲、祖父母等"), ("监护人电话", "11位手机号"),
    ];

    public static byte[] Xlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("学生名单");
        for (var i = 0; i < ImportColumns.Headers.Length; i++)
        {
            var cell = sheet.Cell(1, i + 1);
            cell.Value = ImportColumns.Headers[i];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = ImportColumns.Required.Contains(i) || i == ImportColumns.CitizenId ? XLColor.LightYellow : XLColor.LightGray;
            // Text, so Excel keeps an 18-digit ID and leading zeros instead of turning them into a number.
            sheet.Column(i + 1).Style.NumberFormat.Format = "@";
            sheet.Column(i + 1).Width = i is ImportColumns.CitizenId or ImportColumns.StudentNumber ? 22 : 12;
        }
        List(sheet, ImportColumns.Sex, "\"男,女\"");
        List(sheet, ImportColumns.HukouKind, "\"农业,非农业\"");
        List(sheet, ImportColumns.LeftBehind, "\"是,否\"");
        List(sheet, ImportColumns.Migrant, "\"是,否\"");
        List(sheet, ImportColumns.Disability, "\"无,视力,听力,言语,肢体,智力,精神,多重\"");
        sheet.SheetView.FreezeRows(1);
        var help = workbook.Worksheets.Add("填写说明");
        help.Cell(1, 1).Value = "列名";
        help.Cell(1, 2).Value = "填写说明";
        for (var i = 0; i < Notes.Length; i++)
        {
            help.Cell(i + 2, 1).Value = Notes[i].Header;
            help.Cell(i + 2, 2).Value = Notes[i].Note;
        }
        // Fixed widths: AdjustToContents measures text with System.Drawing, which Linux servers lack (libgdiplus).
        help.Column(1).Width = 16;
        help.Column(2).Width = 48;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void List(IXLWorksheet sheet, int column, string values) =>
        sheet.Range(2, column + 1, 5000, column + 1).SetDataValidation().List(values, true);

    public static byte[] Csv() =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(",", ImportColumns.Headers) + "\r\n")];

    public static FileContentHttpResult XlsxEndpoint() => TypedResults.File(Xlsx(), Spreadsheets.XlsxType, "学生名单模板.xlsx");

    public static FileContentHttpResult CsvEndpoint() => TypedResults.File(Csv(), "text/csv; charset=utf-8", "学生名单模板.csv");
}
