using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using EduCloud.Monitoring.Features.Alerts;
using EduCloud.Monitoring.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Returns;

/// <summary>
/// One step of the approval chain: submit, withdraw, approve, send back. Whether the caller may is the transition
/// table's answer (ReturnWorkflow); a refusal is audited. A submission is checked first (required fields, rules,
/// outlier notes) and refused with every problem named next to its field. The province's approval updates the
/// indicators of every level at once; sending an approved return back takes it out of them.
/// </summary>
internal static class TakeReturnStep
{
    public sealed record Request(string? Comment);

    public static async Task HandleAsync(MonitoringDbContext db, IndicatorBoard board, AfterReturnChanged after, AuditTrail audit, TimeProvider clock, Guid id, string triggerName,
        string? comment, CancellationToken ct)
    {
        var actor = db.Actor;
        var row = await db.Returns.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("未找到该年报");
        if (!Enum.TryParse<ReturnTrigger>(triggerName, ignoreCase: true, out var trigger) || trigger == ReturnTrigger.Create)
        {
            throw ValidationFailedException.For("trigger", "未知的年报操作");
        }
        var transition = (row.IsCurrent ? ReturnWorkflow.Find(row.Status, trigger) : null)
            ?? throw new ConflictException("status", $"年报当前状态为“{ReturnWorkflow.StatusName(row.Status)}”，不能执行“{ReturnWorkflow.TriggerName(trigger)}”");
        if (!ReturnWorkflow.Allows(transition, actor, row))
        {
            await audit.RecordAsync(AuditActions.Denied, nameof(AnnualReturn), row.Id.ToString(), AuditOutcome.Denied, trigger.ToString(),
                Kernel.Scope.ScopeKey.Of(row), ct);
            throw new ForbiddenException("无权对该年报执行此操作");
        }
        var text = comment?.Trim() ?? "";
        if (transition.NeedsComment && text.Length == 0)
        {
            throw ValidationFailedException.For("comment", "退回时请填写意见");
        }
        if (text.Length > 1000)
        {
            throw ValidationFailedException.For("comment", "意见不能超过1000个字符");
        }
        if (trigger == ReturnTrigger.Submit)
        {
            var form = await ReturnForms.GetAsync(db, row.Year, ct);
            var problems = CheckReturn.Problems(form, row.Values, row.Notes, await PrefillReturn.LastYearAsync(db, row.School, row.Year, ct));
            if (problems.Count > 0)
            {
                throw new ValidationFailedException(problems);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var from = row.Status;
        ReturnWorkflow.Fire(row, trigger);
        row.SubmittedAt = trigger == ReturnTrigger.Submit ? now : row.SubmittedAt;
        row.ApprovedAt = row.Status == ReturnStatus.Approved ? now : null;
        if (text.Length > 0)
        {
            row.LastComment = text;
        }
        db.Events.Add(ReturnEvents.Of(row, trigger, from, actor, text.Length > 0 ? text : null, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("status", "该年报刚被他人处理，请刷新后重试");
        }
        if (row.Status == ReturnStatus.Approved)
        {
            await board.ApprovedAsync(db, row, ct);
            await after.HandleAsync(row.School, row.Year, ct);
        }
        else if (from == ReturnStatus.Approved)
        {
            board.Invalidate();
            await after.HandleAsync(row.School, row.Year, ct);
        }
    }

    public static async Task<Ok<ReturnDto>> EndpointAsync(MonitoringDbContext db, IndicatorBoard board, AfterReturnChanged after, AuditTrail audit, TimeProvider clock,
        Guid id, string trigger, Request? request, CancellationToken ct)
    {
        await HandleAsync(db, board, after, audit, clock, id, trigger, request?.Comment, ct);
        return TypedResults.Ok(await GetReturn.HandleAsync(db, id, ct));
    }
}
