using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Records;

/// <summary>One student's record and whole history, including the changes recorded at schools they have left.</summary>
internal static class GetStudent
{
    public sealed record GuardianDto(string Name, string Relation, string? PhoneMasked);

    public sealed record ChangeDto(Guid Id, string Kind, string KindName, string ReasonCode, string ReasonName, DateOnly EffectiveOn, string? FromStatus,
        string ToStatus, string? FromClass, string? ToClass, int? FromGradeLevel, int? ToGradeLevel, Guid? BatchId, Guid? CancelsChangeId,
        Guid? CancelledByChangeId, string RecordedByName, DateTime RecordedAt, string? Note);

    public sealed record Response(Guid Id, string StudentNumberMasked, string NumberKind, string Name, Sex Sex, DateOnly BirthDate, string? CitizenIdMasked,
        string EthnicityCode, string EthnicityName, string Status, string StatusName, Stage Stage, int GradeLevel, Guid? GradeId, Guid? ClassId,
        string? ClassName, Guid? SchoolId, string? SchoolName, int EntryYear, string? HukouRegionCode, string HukouKind, bool LeftBehind, bool Migrant,
        string Disability, string? ConsentGuardianName, IReadOnlyList<GuardianDto> Guardians, int Version, IReadOnlyList<ChangeDto> History,
        Guid? CancellableChangeId);

    public static async Task<Response> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var s = await db.Students.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("未找到该学生");
        // The student passed the scope filter above; their history may sit at schools the caller cannot see (before a
        // transfer), and it is theirs, so it is read past the filter, by student id only.
        var history = await db.StatusChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.StudentId == s.Id)
            .OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var classIds = history.SelectMany(c => new[] { c.FromClassId, c.ToClassId }).Append(s.ClassId).OfType<Guid>().Distinct().ToList();
        var classes = await directory.FindClassesAsync(classIds, ct);
        string? ClassName(Guid? c) => c is { } x && classes.TryGetValue(x, out var info) ? $"{info.SchoolName} {info.GradeName}{info.Name}" : null;
        var current = s.ClassId is { } cid ? classes.GetValueOrDefault(cid) : null;
        var cancellable = history.Where(c => c.Kind != ChangeKind.Cancellation && c.CancelledByChangeId == null).LastOrDefault();

        return new Response(s.Id, StudentFields.MaskNumber(s.StudentNumber), s.StudentNumber[..1], s.Name, s.Sex, s.BirthDate, s.CitizenIdMasked,
            s.EthnicityCode, Ethnicity.Find(s.EthnicityCode)?.Name ?? s.EthnicityCode, s.Status.ToString(), StatusRules.StatusName(s.Status), s.Stage,
            s.GradeLevel, s.GradeId, s.ClassId, current is null ? null : current.GradeName + current.Name, s.SchoolId, current?.SchoolName, s.EntryYear,
            s.HukouRegionCode, s.HukouKind.ToString(), s.LeftBehind, s.Migrant, s.Disability.ToString(), s.ConsentGuardianName,
            s.Guardians.Select(g => new GuardianDto(g.Name, g.Relation, g.PhoneMasked)).ToList(), s.Version,
            history.Select(c => new ChangeDto(c.Id, c.Kind.ToString(), StatusRules.KindName(c.Kind), c.ReasonCode, ChangeReasons.NameOf(c.Kind, c.ReasonCode),
                c.EffectiveOn, c.FromStatus?.ToString(), c.ToStatus.ToString(), ClassName(c.FromClassId), ClassName(c.ToClassId), c.FromGradeLevel,
                c.ToGradeLevel, c.BatchId, c.CancelsChangeId, c.CancelledByChangeId, c.RecordedByName, c.RecordedAt, c.Note)).ToList(),
            cancellable is not null && !StatusRules.NotCancellable.Contains(cancellable.Kind) ? cancellable.Id : null);
    }

    public static async Task<Ok<Response>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, id, ct));
}
