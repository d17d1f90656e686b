using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Lifecycle;

/// <summary>
/// 临时学籍号转正: once the student's citizen ID is confirmed, the temporary L (or substitute J) number becomes the
/// formal G number. The ID must agree with the record's birth date and sex, and with any ID already on the record.
/// </summary>
internal static class ConfirmStudentNumber
{
    public sealed record Request(string? CitizenId, DateOnly? EffectiveOn, int? Version);

    public static async Task<RecordStatusChange.Response> HandleAsync(StudentsDbContext db, PersonalDataProtector protector, TimeProvider clock, Guid studentId,
        Request request, CancellationToken ct)
    {
        var student = await ChangeWriter.LoadAsync(db, studentId, ct);
        ChangeWriter.ExpectVersion(db, student, request.Version);
        var to = StatusRules.Authorize(student.Status, ChangeKind.NumberConfirmation, student.Stage, db.Actor);
        if (student.StudentNumber.StartsWith('G'))
        {
            throw new ConflictException("studentNumber", "该学生已是正式学籍号");
        }
        var problems = new Problems();
        var id = CitizenId.TryParse(request.CitizenId, out var error);
        if (id is null)
        {
            problems.Add("citizenId", error!);
        }
        else
        {
            problems.Check(id.Value.Length == 18, "citizenId", "转正须使用18位公民身份号码");
            problems.Check(id.BirthDate == student.BirthDate, "citizenId", "身份证号中的出生日期与学籍登记的出生日期不一致");
            problems.Check(id.Sex == student.Sex, "citizenId", "身份证号中的性别与学籍登记的性别不一致");
            problems.Check(student.CitizenIdHash is null || student.CitizenIdHash == protector.Hash(id.Value), "citizenId", "与学籍中已登记的身份证号不一致");
        }
        var effectiveOn = request.EffectiveOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await ChangeWriter.CheckEffectiveOnAsync(db, clock, student.Id, effectiveOn, problems, ct);
        problems.ThrowIfAny();
        var number = StudentNumber.Formal(id!);
        if (await db.Students.IgnoreQueryFilters().AnyAsync(s => s.StudentNumber == number && s.Id != student.Id, ct))
        {
            throw new ConflictException("citizenId", "该身份证号对应的正式学籍号已被其他学籍使用，请联系教育局处理重复学籍");
        }

        var change = ChangeWriter.Begin(db, student, ChangeKind.NumberConfirmation, "51", effectiveOn, "原学籍号 " + student.StudentNumber[..7] + "…", clock.GetUtcNow().UtcDateTime);
        student.Status = to;
        student.StudentNumber = number;
        student.CitizenIdCipher = protector.Protect(id!.Value);
        student.CitizenIdHash = protector.Hash(id.Value);
        student.CitizenIdMasked = CitizenId.Mask(id.Value);
        student.UpdatedAt = change.RecordedAt;
        db.StatusChanges.Add(ChangeWriter.Complete(change, student));
        await ChangeWriter.SaveAsync(db, ct);
        return new RecordStatusChange.Response(change.Id, student.Id, student.Status.ToString(), student.Version);
    }

    public static async Task<Ok<RecordStatusChange.Response>> EndpointAsync(StudentsDbContext db, PersonalDataProtector protector, TimeProvider clock, Guid id,
        Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, protector, clock, id, request, ct));
}
