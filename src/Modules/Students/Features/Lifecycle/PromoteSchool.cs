using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.Lifecycle;

/// <summary>
/// 升级: the year-end promotion of a whole school (or one grade). Every enrolled student moves to the next level in
/// the next academic year's class with the same number; the top grade of each stage graduates; the repeaters chosen
/// beforehand stay at their level (in next year's class of that level).
///
/// All-or-nothing: every record and change is written by ONE SaveChanges inside one transaction (EF batches the
/// statements, so 3,000 students are a few round trips, not 3,000 saves); any failure rolls all of it back. Next
/// year's grades and classes are created first through the Organization contract, in Organization's own save: empty
/// classes for a year that is coming anyway are harmless if the promotion then fails, and a retry reuses them.
/// </summary>
internal static class PromoteSchool
{
    public sealed record Request(Guid? SchoolId, Guid? GradeId, IReadOnlyList<Guid>? RepeaterIds, DateOnly? EffectiveOn);

    public sealed record Response(Guid BatchId, int Promoted, int Graduated, int Repeated, int FromYear, int ToYear, long ElapsedMs);

    public static async Task<Response> HandleAsync(StudentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var school = request.SchoolId is { } sid ? await directory.FindSchoolAsync(sid, ct) : throw ValidationFailedException.For("schoolId", "请选择学校");
        if (school is null || !db.Actor.Scope.CanRead(school.Key))
        {
            throw new NotFoundException("未找到该学校");
        }
        // Promotion's roles (the table's), checked once for the whole batch; the scope guard checks every row on save.
        StatusRules.Authorize(EnrolmentStatus.Enrolled, ChangeKind.Promotion, Kernel.Codes.Stage.Primary, db.Actor);
        if (!db.Actor.Scope.CanManage(school.Key))
        {
            throw new ForbiddenException();
        }

        var query = db.Students.Where(s => s.SchoolId == school.Id && s.Status == EnrolmentStatus.Enrolled);
        if (request.GradeId is { } gradeId)
        {
            query = query.Where(s => s.GradeId == gradeId);
        }
        var students = await query.ToListAsync(ct);
        var problems = new Problems();
        problems.Check(students.Count > 0, request.GradeId is null ? "schoolId" : "gradeId", "没有可升级的在读学生");
        var repeaters = (request.RepeaterIds ?? []).ToHashSet();
        var inBatch = students.Select(s => s.Id).ToHashSet();
        foreach (var stray in repeaters.Where(r => !inBatch.Contains(r)))
        {
            problems.Add("repeaterIds", $"留级学生 {stray} 不是本次升级范围内的在读学生");
        }
        var placements = await directory.FindPlacementsAsync(students.Select(s => s.ClassId).OfType<Guid>().Distinct().ToList(), ct);
        problems.Check(students.All(s => s.ClassId is { } c && placements.ContainsKey(c)), "schoolId", "有学生未编入班级，请先编班");
        var years = placements.Values.Select(p => p.AcademicYearStart).Distinct().ToList();
        problems.Check(years.Count <= 1, "schoolId", "学生分属不同学年的班级，请按年级分别升级");
        problems.ThrowIfAny();

        var fromYear = years[0];
        var effectiveOn = request.EffectiveOn ?? new DateOnly(fromYear + 1, 9, 1);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        problems.Check(effectiveOn <= today.AddDays(ChangeWriter.MaxDaysAhead), "effectiveOn", "生效日期不能晚于一年以后");
        var lastEffective = await db.StatusChanges.IgnoreQueryFilters()
            .Where(c => c.Kind != ChangeKind.Cancellation && c.CancelledByChangeId == null && query.Select(s => s.Id).Contains(c.StudentId))
            .MaxAsync(c => (DateOnly?)c.EffectiveOn, ct);
        problems.Check(lastEffective is null || effectiveOn >= lastEffective, "effectiveOn", $"生效日期不能早于这些学生上一次异动的生效日期（{lastEffective:yyyy-MM-dd}）");
        problems.ThrowIfAny();

        ClassSlot? SlotOf(StudentRecord s)
        {
            var p = placements[s.ClassId!.Value];
            return repeaters.Contains(s.Id) ? new ClassSlot(p.Stage, p.Level, p.Number)
                : p.Level >= p.LevelsInStage ? null
                : new ClassSlot(p.Stage, p.Level + 1, p.Number);
        }
        var slots = students.Select(SlotOf).OfType<ClassSlot>().Distinct().ToList();
        var next = slots.Count == 0 ? new Dictionary<ClassSlot, ClassPlacement>() : await directory.EnsureClassesAsync(school.Id, fromYear + 1, slots, ct);

        var batchId = Guid.CreateVersion7();
        var now = clock.GetUtcNow().UtcDateTime;
        int promoted = 0, graduated = 0, repeated = 0;
        foreach (var s in students)
        {
            var slot = SlotOf(s);
            var kind = slot is null ? ChangeKind.Graduation : repeaters.Contains(s.Id) ? ChangeKind.Repeat : ChangeKind.Promotion;
            var change = ChangeWriter.Begin(db, s, kind, kind switch { ChangeKind.Graduation => "91", ChangeKind.Repeat => "32", _ => "21" }, effectiveOn, null, now);
            change.BatchId = batchId;
            if (slot is null)
            {
                s.Status = EnrolmentStatus.Graduated;
                graduated++;
            }
            else
            {
                ChangeWriter.PlaceIn(s, next[slot]);
                _ = kind == ChangeKind.Repeat ? repeated++ : promoted++;
            }
            s.UpdatedAt = now;
            db.StatusChanges.Add(ChangeWriter.Complete(change, s));
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await ChangeWriter.SaveAsync(db, ct);
            await db.CommitAsync(tx, ct);
        }
        return new Response(batchId, promoted, graduated, repeated, fromYear, fromYear + 1, (long)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    public static async Task<Ok<Response>> EndpointAsync(StudentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request,
        CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, request, ct));
}
