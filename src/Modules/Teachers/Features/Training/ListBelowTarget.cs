using EduCloud.Organization.Contracts;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Training;

public sealed record BelowTargetItem(Guid TeacherId, string TeacherNumber, string Name, Guid SchoolId, string SchoolName, int CycleHours, int MissingHours);

public sealed record BelowTargetReport(int CycleFrom, int CycleTo, int TargetHours, int ActiveTeachers, IReadOnlyList<BelowTargetItem> Teachers);

/// <summary>
/// Active teachers of a school or county (within the caller's scope) whose training in the cycle is below the
/// 提升工程 2.0 target. The training lives in the record (JSON), so the sum is made here; a county has a few thousand
/// teachers at most.
/// </summary>
internal static class ListBelowTarget
{
    public static async Task<BelowTargetReport> HandleAsync(TeachersDbContext db, IOrganizationDirectory directory, Guid? schoolId, string? countyCode, int year, CancellationToken ct)
    {
        var rows = db.Teachers.AsNoTracking().Where(t => t.Status == TeacherStatus.Active);
        if (schoolId is { } s)
        {
            rows = rows.Where(t => t.SchoolId == s);
        }
        if (!string.IsNullOrWhiteSpace(countyCode))
        {
            rows = rows.Where(t => t.CountyCode == countyCode);
        }
        var teachers = await rows.OrderBy(t => t.SchoolId).ThenBy(t => t.TeacherNumber).ToListAsync(ct);
        var names = new Dictionary<Guid, string>();
        var below = new List<BelowTargetItem>();
        foreach (var t in teachers)
        {
            var summary = TrainingTarget.Summarize(t.Training, year);
            if (summary.TargetMet)
            {
                continue;
            }
            var sid = t.SchoolId!.Value;
            if (!names.TryGetValue(sid, out var name))
            {
                names[sid] = name = (await directory.FindSchoolAsync(sid, ct))?.Name ?? "";
            }
            below.Add(new BelowTargetItem(t.Id, t.TeacherNumber, t.Name, sid, name, summary.CycleHours, TrainingTarget.TargetHours - summary.CycleHours));
        }
        return new BelowTargetReport(year - TrainingTarget.CycleYears + 1, year, TrainingTarget.TargetHours, teachers.Count, below);
    }

    public static async Task<Ok<BelowTargetReport>> EndpointAsync(TeachersDbContext db, IOrganizationDirectory directory, TimeProvider clock,
        Guid? schoolId, string? countyCode, int? year, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, schoolId, countyCode, year ?? clock.GetUtcNow().Year, ct));
}
