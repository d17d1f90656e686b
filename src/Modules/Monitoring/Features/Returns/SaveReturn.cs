using System.Text.Json;
using EduCloud.Kernel.Errors;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Returns;

/// <summary>
/// The school saves values and outlier notes. A value of the wrong type or out of range is refused at once, with the
/// field named; the cross-field rules and outliers are shown as problems and block only the submission (a draft may
/// be incomplete). A sent-back return is not edited in place: saving it makes the next version, the old one stays.
/// Anything submitted or approved cannot be edited below: it must be withdrawn or sent back first.
/// </summary>
internal static class SaveReturn
{
    public sealed record Request(Dictionary<string, JsonElement>? Values, Dictionary<string, string?>? Notes);

    public static async Task<Guid> HandleAsync(MonitoringDbContext db, TimeProvider clock, Guid id, IReadOnlyDictionary<string, string?> values,
        IReadOnlyDictionary<string, string?> notes, CancellationToken ct)
    {
        var row = await db.Returns.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("未找到该年报");
        if (!row.IsCurrent || row.Status is not (ReturnStatus.Draft or ReturnStatus.SentBack))
        {
            throw new ConflictException("status", $"年报当前状态为“{ReturnWorkflow.StatusName(row.Status)}”，不能修改；如需修改请先撤回或由上级退回");
        }
        if (!GetReturn.Editable(row, db.Actor))
        {
            throw new ForbiddenException("年报由本校学校管理员填报");
        }
        var form = await ReturnForms.GetAsync(db, row.Year, ct);
        var stored = row.Values;
        var storedNotes = row.Notes;
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, input) in values)
        {
            if (form.Field(key) is not { } field)
            {
                errors[key] = [$"表单中没有字段“{key}”"];
                continue;
            }
            var (value, error) = field.Normalise(input);
            if (error is not null)
            {
                errors[key] = [error];
            }
            else if (value is null)
            {
                stored.Remove(key);
            }
            else
            {
                stored[key] = value;
            }
        }
        foreach (var (key, note) in notes)
        {
            var text = note?.Trim() ?? "";
            if (text.Length > 500)
            {
                errors["notes." + key] = ["说明不能超过500个字符"];
            }
            else if (text.Length == 0)
            {
                storedNotes.Remove(key);
            }
            else
            {
                storedNotes[key] = text;
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var target = row;
        if (row.Status == ReturnStatus.SentBack)
        {
            // The sent-back version is history: the edit goes into the next version.
            row.IsCurrent = false;
            row.Revision++;
            target = row.NextVersion(now);
            db.Returns.Add(target);
            db.Events.Add(ReturnEvents.Of(target, ReturnTrigger.Create, ReturnStatus.SentBack, db.Actor, $"由第{row.Version}版修改", now));
        }
        target.SetValues(stored);
        target.SetNotes(storedNotes);
        target.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("status", "该年报刚被他人修改，请刷新后重试");
        }
        return target.Id;
    }

    public static async Task<Ok<ReturnDto>> EndpointAsync(MonitoringDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var values = (request.Values ?? []).ToDictionary(v => v.Key, v => Text(v.Value));
        var saved = await HandleAsync(db, clock, id, values, request.Notes ?? [], ct);
        return TypedResults.Ok(await GetReturn.HandleAsync(db, saved, ct));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
