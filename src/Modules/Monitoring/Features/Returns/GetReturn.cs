using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Monitoring.Data;
using EduCloud.Monitoring.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Monitoring.Features.Returns;

public sealed record ReturnFieldDto(string Key, string Label, string Section, string Type, string? Unit, bool Required, string? Value, string Display,
    string? Note, string? Outlier, IReadOnlyList<string> Problems, IReadOnlyList<ChoiceDto>? Options, string? Help, string? Prefill);

public sealed record ChoiceDto(string Code, string Label);

public sealed record ReturnEventDto(int Version, string Trigger, string TriggerName, string From, string To, string ActorName, string? Comment, DateTime At);

public sealed record ReturnVersionDto(Guid Id, int Version, string Status, string StatusName, bool IsCurrent);

/// <summary>A return version with its form, its current problems (what would stop a submission), the steps the caller may take, and its history.</summary>
public sealed record ReturnDto(Guid Id, Guid SchoolId, string SchoolName, int Year, int Version, bool IsCurrent, string Status, string StatusName,
    string Category, string? LastComment, DateTime? SubmittedAt, DateTime? ApprovedAt, bool Editable, IReadOnlyList<string> AllowedTriggers,
    IReadOnlyList<ReturnFieldDto> Fields, IReadOnlyDictionary<string, string[]> Problems, IReadOnlyList<ReturnVersionDto> Versions,
    IReadOnlyList<ReturnEventDto> History, string FormTitle);

/// <summary>Reads one return version (scope-filtered: outside the caller's scope it does not exist).</summary>
internal static class GetReturn
{
    public static async Task<ReturnDto> HandleAsync(MonitoringDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Returns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("未找到该年报");
        var form = await ReturnForms.GetAsync(db, row.Year, ct);
        var values = row.Values;
        var notes = row.Notes;
        var lastYear = await PrefillReturn.LastYearAsync(db, row.School, row.Year, ct);
        var problems = CheckReturn.Problems(form, values, notes, lastYear);
        var outliers = CheckReturn.Outliers(form, values, lastYear).ToDictionary(o => o.Field, o => o.Message);
        var versions = await db.Returns.AsNoTracking().Where(r => r.SchoolId == row.SchoolId && r.Year == row.Year).OrderBy(r => r.Version)
            .Select(r => new { r.Id, r.Version, r.Status, r.IsCurrent }).ToListAsync(ct);
        var versionIds = versions.Select(v => v.Id).ToList();
        var events = await db.Events.AsNoTracking().Where(e => versionIds.Contains(e.ReturnId)).ToListAsync(ct);
        return new ReturnDto(row.Id, row.School, row.SchoolName, row.Year, row.Version, row.IsCurrent, row.Status.ToString(), ReturnWorkflow.StatusName(row.Status),
            row.Category, row.LastComment, row.SubmittedAt, row.ApprovedAt, Editable(row, db.Actor),
            ReturnWorkflow.AllowedFor(db.Actor, row).Select(t => t.Trigger.ToString()).Distinct().ToList(),
            form.Fields.Select(f => new ReturnFieldDto(f.Key, f.Label, f.Section, f.Type.ToString(), f.Unit, f.Required, values.GetValueOrDefault(f.Key),
                f.Display(values.GetValueOrDefault(f.Key)), notes.GetValueOrDefault(f.Key), outliers.GetValueOrDefault(f.Key),
                problems.GetValueOrDefault(f.Key, []).Concat(problems.GetValueOrDefault("notes." + f.Key, [])).ToList(),
                f.Options?.Select(o => new ChoiceDto(o.Code, o.Label)).ToList(), f.Help, f.Prefill)).ToList(),
            problems,
            versions.Select(v => new ReturnVersionDto(v.Id, v.Version, v.Status.ToString(), ReturnWorkflow.StatusName(v.Status), v.IsCurrent)).ToList(),
            events.OrderBy(e => e.At).ThenBy(e => e.Version).Select(e => new ReturnEventDto(e.Version, e.Trigger.ToString(), ReturnWorkflow.TriggerName(e.Trigger),
                ReturnWorkflow.StatusName(e.From), ReturnWorkflow.StatusName(e.To), e.ActorName, e.Comment, e.At)).ToList(),
            form.Title);
    }

    /// <summary>Only the school edits, and only a draft or a sent-back return (which becomes the next version).</summary>
    public static bool Editable(AnnualReturn row, ICurrentActor? actor = null) =>
        row.IsCurrent && row.Status is ReturnStatus.Draft or ReturnStatus.SentBack
        && (actor is null || actor.Scope.IsSystem || (actor.Roles.Contains(Role.SchoolAdmin) && actor.Scope.CanManage(ScopeKey.Of(row))));

    public static async Task<Ok<ReturnDto>> EndpointAsync(MonitoringDbContext db, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, id, ct));
}
