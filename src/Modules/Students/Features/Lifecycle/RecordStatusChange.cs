using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Students.Features.Lifecycle;

/// <summary>
/// Records one student's 学籍异动 within the school: suspension, resumption, withdrawal, repeat, skip, class change or
/// graduation. Admission, promotion, cancellation, number confirmation and transfer have their own use cases.
/// </summary>
internal static class RecordStatusChange
{
    public sealed record Request(string? Kind, string? ReasonCode, DateOnly? EffectiveOn, Guid? ClassId, string? Note, int? Version);

    public sealed record Response(Guid ChangeId, Guid StudentId, string Status, int Version);

    public static readonly ChangeKind[] Kinds =
        [ChangeKind.Suspension, ChangeKind.Resumption, ChangeKind.Withdrawal, ChangeKind.Repeat, ChangeKind.Skip, ChangeKind.ClassChange, ChangeKind.Graduation];

    public static async Task<Response> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid studentId, Request request,
        CancellationToken ct)
    {
        var kind = Enum.TryParse<ChangeKind>(request.Kind, true, out var k) && Kinds.Contains(k) && !int.TryParse(request.Kind, out _)
            ? k
            : throw ValidationFailedException.For("kind", "异动类别无效（可选：Suspension, Resumption, Withdrawal, Repeat, Skip, ClassChange, Graduation）");
        var student = await ChangeWriter.LoadAsync(db, studentId, ct);
        ChangeWriter.ExpectVersion(db, student, request.Version);
        var to = StatusRules.Authorize(student.Status, kind, student.Stage, db.Actor);

        var problems = new Problems();
        var reason = ChangeReasons.Find(kind, request.ReasonCode);
        problems.Check(reason is not null, "reasonCode", $"{StatusRules.KindName(kind)}的异动原因无效");
        problems.MaxLength(request.Note, 500, "note", "备注");
        await ChangeWriter.CheckEffectiveOnAsync(db, clock, student.Id, request.EffectiveOn, problems, ct);
        var target = await TargetClassAsync(directory, student, kind, request.ClassId, problems, ct);
        problems.ThrowIfAny();

        var change = ChangeWriter.Begin(db, student, kind, reason!.Code, request.EffectiveOn!.Value, request.Note, clock.GetUtcNow().UtcDateTime);
        student.Status = to;
        if (target is not null)
        {
            ChangeWriter.PlaceIn(student, target);
        }
        student.UpdatedAt = change.RecordedAt;
        db.StatusChanges.Add(ChangeWriter.Complete(change, student));
        await ChangeWriter.SaveAsync(db, ct);
        return new Response(change.Id, student.Id, student.Status.ToString(), student.Version);
    }

    /// <summary>The class a repeat, skip or class change moves to (resumption may name one); null when the class stays.</summary>
    private static async Task<ClassPlacement?> TargetClassAsync(IOrganizationDirectory directory, StudentRecord student, ChangeKind kind, Guid? classId,
        Problems problems, CancellationToken ct)
    {
        var current = student.ClassId is { } c ? (await directory.FindPlacementsAsync([c], ct)).GetValueOrDefault(c) : null;
        if (kind == ChangeKind.Graduation)
        {
            problems.Check(current is not null && student.GradeLevel >= current.LevelsInStage, "kind", "只有最高年级的学生可以办理毕业");
            return null;
        }
        var moves = kind is ChangeKind.Repeat or ChangeKind.Skip or ChangeKind.ClassChange;
        if (classId is null)
        {
            problems.Check(!moves, "classId", "请选择调入的班级");
            return null;
        }
        if (!moves && kind != ChangeKind.Resumption)
        {
            problems.Add("classId", $"{StatusRules.KindName(kind)}不调整班级");
            return null;
        }
        var target = (await directory.FindPlacementsAsync([classId.Value], ct)).GetValueOrDefault(classId.Value);
        if (target is null || target.Retired)
        {
            problems.Add("classId", "未找到该班级或班级已撤销");
            return null;
        }
        if (target.SchoolId != student.SchoolId)
        {
            problems.Add("classId", "只能调入本校的班级；到其他学校请办理转学");
            return null;
        }
        problems.Check(target.Stage == student.Stage, "classId", "调入的班级应与学生同一学段");
        switch (kind)
        {
            case ChangeKind.Repeat:
                problems.Check(target.Level <= student.GradeLevel && target.GradeId != student.GradeId, "classId", "留级应调入同一年级的下一学年或更低年级的班级");
                break;
            case ChangeKind.Skip:
                problems.Check(target.Level > student.GradeLevel, "classId", "跳级应调入更高年级的班级");
                break;
            case ChangeKind.ClassChange:
                problems.Check(target.GradeId == student.GradeId && target.ClassId != student.ClassId, "classId", "调班应调入同一年级的其他班级");
                break;
            case ChangeKind.Resumption:
                problems.Check(target.Level >= student.GradeLevel - 1 && target.Level <= student.GradeLevel + 1, "classId", "复学应编入原年级或相邻年级的班级");
                break;
        }
        return target;
    }

    public static async Task<Ok<Response>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, Request request,
        CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, request, ct));
}
