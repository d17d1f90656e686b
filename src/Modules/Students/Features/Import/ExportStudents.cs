using EduCloud.Kernel.Codes;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Import;

/// <summary>
/// The students of a school (or one class) as .xlsx with the template's headers, streamed row by row. Citizen IDs,
/// G student numbers (which contain the ID) and phones are masked: the full data is a separate, audited permission.
/// Scope-filtered: another school's students are simply not there.
/// </summary>
internal static class ExportStudents
{
    public static async Task WriteAsync(StudentsDbContext db, IOrganizationDirectory directory, Guid? schoolId, Guid? classId, Stream output, CancellationToken ct)
    {
        var students = db.Students.AsNoTracking();
        if (schoolId is { } s)
        {
            students = students.Where(x => x.SchoolId == s);
        }
        if (classId is { } c)
        {
            students = students.Where(x => x.ClassId == c);
        }
        var classIds = await students.Where(x => x.ClassId != null).Select(x => x.ClassId!.Value).Distinct().ToListAsync(ct);
        var classes = await directory.FindClassesAsync(classIds, ct);
        // Synchronous zip writing under Kestrel needs a buffer; a school's list is small enough for one.
        using var buffer = new MemoryStream();
        using (var writer = new XlsxStreamWriter(buffer, "学生名单"))
        {
            writer.WriteHeader(ImportColumns.Headers);
            await foreach (var r in students.OrderBy(x => x.GradeLevel).ThenBy(x => x.ClassId).ThenBy(x => x.Name).AsAsyncEnumerable().WithCancellation(ct))
            {
                var cls = r.ClassId is { } id ? classes.GetValueOrDefault(id) : null;
                var guardian = r.Guardians.FirstOrDefault();
                writer.WriteRow(
                [
                    r.Name, r.Sex == Sex.Male ? "男" : r.Sex == Sex.Female ? "女" : "", ValidateRow.Format(r.BirthDate), r.CitizenIdMasked,
                    r.StudentNumber.StartsWith('G') ? "G" + CitizenId.Mask(r.StudentNumber[1..]) : r.StudentNumber,
                    Ethnicity.Find(r.EthnicityCode)?.Name ?? r.EthnicityCode,
                    r.HukouKind switch { HukouKind.Agricultural => "农业", HukouKind.NonAgricultural => "非农业", _ => "" },
                    r.HukouRegionCode, r.LeftBehind ? "是" : "否", r.Migrant ? "是" : "否", DisabilityName(r.Disability),
                    cls?.GradeName, cls?.Name, r.EntryYear + "-09", guardian?.Name, guardian?.Relation, guardian?.PhoneMasked,
                ]);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static string DisabilityName(DisabilityKind kind) => kind switch
    {
        DisabilityKind.None => "无",
        DisabilityKind.Visual => "视力",
        DisabilityKind.Hearing => "听力",
        DisabilityKind.Speech => "言语",
        DisabilityKind.Physical => "肢体",
        DisabilityKind.Intellectual => "智力",
        DisabilityKind.Mental => "精神",
        _ => "多重",
    };

    public static async Task EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, Guid? schoolId, Guid? classId, HttpContext http, CancellationToken ct)
    {
        http.Response.ContentType = Spreadsheets.XlsxType;
        http.Response.Headers.ContentDisposition = "attachment; filename*=UTF-8''" + Uri.EscapeDataString("学生名单.xlsx");
        await WriteAsync(db, directory, schoolId, classId, http.Response.Body, ct);
    }
}
