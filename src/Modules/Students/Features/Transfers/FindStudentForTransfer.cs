using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Transfers;

/// <summary>
/// The receiving school cannot see the student it wants to take in, so it names them by student number AND name; both
/// must match. The answer reveals only what confirms it is the right child: a masked name, sex, stage and grade, and
/// the current school. Every lookup is audited, found or not.
/// </summary>
internal static class FindStudentForTransfer
{
    public sealed record Request(string? StudentNumber, string? Name);

    public sealed record Candidate(Guid StudentId, string MaskedName, string Sex, string Stage, int GradeLevel, string SchoolName, string Status);

    public static async Task<Candidate> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, AuditTrail audit, Request request, CancellationToken ct)
    {
        var number = request.StudentNumber?.Trim().ToUpperInvariant() ?? "";
        var name = request.Name?.Trim() ?? "";
        new Problems().Required(number, "studentNumber", "学籍号").Required(name, "name", "姓名").ThrowIfAny();
        var student = await FindAsync(db, number, name, ct);
        await audit.RecordAsync("transfer-lookup", nameof(StudentRecord), student?.Id.ToString() ?? "-",
            student is null ? AuditOutcome.Failed : AuditOutcome.Success, ct: ct);
        if (student is null)
        {
            throw ValidationFailedException.For("studentNumber", "未找到学籍号与姓名相符的学生");
        }
        var school = student.SchoolId is { } id ? await directory.FindSchoolAsync(id, ct) : null;
        return new Candidate(student.Id, Mask(student.Name), student.Sex switch { Sex.Male => "男", Sex.Female => "女", _ => "未知" }, student.Stage.ToString(), student.GradeLevel,
            school?.Name ?? "", student.Status.ToString());
    }

    /// <summary>Across all schools on purpose: the platform matches number and name for a caller who cannot see the record.</summary>
    internal static Task<StudentRecord?> FindAsync(StudentsDbContext db, string number, string name, CancellationToken ct) =>
        db.Students.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.StudentNumber == number && s.Name == name, ct);

    /// <summary>张三丰 → 张**: the caller typed the full name, the answer need not repeat it.</summary>
    internal static string Mask(string name) => name.Length <= 1 ? name : name[0] + new string('*', name.Length - 1);

    public static async Task<Ok<Candidate>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, AuditTrail audit,
        string? studentNumber, string? name, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, audit, new Request(studentNumber, name), ct));
}
