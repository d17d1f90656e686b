using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Lifecycle;

/// <summary>
/// 撤销异动: undoes the student's latest change still in force by recording a Cancellation that restores the state
/// before it. The undone change stays in the history, marked with the cancellation that undid it.
/// </summary>
internal static class CancelChange
{
    public sealed record Request(Guid? ChangeId, string? ReasonCode, string? Note, int? Version);

    public static async Task<RecordStatusChange.Response> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid studentId,
        Request request, CancellationToken ct)
    {
        var student = await ChangeWriter.LoadAsync(db, studentId, ct);
        ChangeWriter.ExpectVersion(db, student, request.Version);
        // The history is read past the scope filter only once the student itself passed it.
        var history = db.StatusChanges.IgnoreQueryFilters().Where(c => c.StudentId == student.Id);
        var target = request.ChangeId is { } id
            ? await history.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ValidationFailedException.For("changeId", "未找到该异动记录")
            : throw ValidationFailedException.For("changeId", "请选择要撤销的异动");
        if (target.CancelledByChangeId is not null)
        {
            throw new ConflictException("changeId", "该异动已被撤销");
        }
        if (StatusRules.NotCancellable.Contains(target.Kind))
        {
            throw new ConflictException("changeId", $"{StatusRules.KindName(target.Kind)}不能撤销");
        }
        var latest = await history.Where(c => c.Kind != ChangeKind.Cancellation && c.CancelledByChangeId == null)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => c.Id).FirstAsync(ct);
        if (latest != target.Id || student.Status != target.ToStatus || student.ClassId != target.ToClassId)
        {
            throw new ConflictException("changeId", "只能撤销该学生最近一次仍有效的异动");
        }
        var from = target.FromStatus ?? StatusRules.None;
        var roles = StatusRules.RolesFor(from, target.Kind, target.FromStage ?? student.Stage);
        if (!db.Actor.Scope.IsSystem && !db.Actor.Roles.Any(roles.Contains))
        {
            throw new ForbiddenException($"无权撤销{StatusRules.KindName(target.Kind)}");
        }
        var reason = ChangeReasons.Find(ChangeKind.Cancellation, request.ReasonCode)
            ?? throw ValidationFailedException.For("reasonCode", "撤销异动的原因无效");
        var previousClass = target.FromClassId is { } fc && fc != student.ClassId
            ? (await directory.FindPlacementsAsync([fc], ct)).GetValueOrDefault(fc) ?? throw new ConflictException("changeId", "原班级已不存在，无法撤销")
            : null;

        var cancellation = ChangeWriter.Begin(db, student, ChangeKind.Cancellation, reason.Code, target.EffectiveOn, request.Note, clock.GetUtcNow().UtcDateTime);
        cancellation.CancelsChangeId = target.Id;
        cancellation.BatchId = target.BatchId;
        student.Status = from;
        if (previousClass is not null)
        {
            ChangeWriter.PlaceIn(student, previousClass);
        }
        student.UpdatedAt = cancellation.RecordedAt;
        target.CancelledByChangeId = cancellation.Id;
        db.StatusChanges.Add(ChangeWriter.Complete(cancellation, student));
        await ChangeWriter.SaveAsync(db, ct);
        return new RecordStatusChange.Response(cancellation.Id, student.Id, student.Status.ToString(), student.Version);
    }

    public static async Task<Ok<RecordStatusChange.Response>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id,
        Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, request, ct));
}
