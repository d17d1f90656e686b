using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Entries;

/// <summary>
/// 晒课: a teacher enters one lesson in a round that is taking submissions. The materials are the teacher's own
/// resources (any review status); the teaching design places the lesson in the textbook catalogue (stage, subject,
/// grade, edition, chapter). The entry is placed at the teacher's school, taken from their own class assignment.
/// </summary>
internal static class SubmitEntry
{
    public sealed record Request(Guid RoundId, string Title, Guid DesignResourceId, Guid? CoursewareResourceId, Guid? RecordingResourceId, Guid? ExerciseResourceId,
        string? Description = null);

    public static async Task<EntryDto> HandleAsync(LessonsDbContext db, IOrganizationDirectory directory, IResourceLookup resources, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var round = await Rounds.ListRounds.FindAsync(db, request.RoundId, ct);
        new Problems().Required(request.Title, "title", "课题").MaxLength(request.Title, 200, "title", "课题")
            .MaxLength(request.Description, 2000, "description", "课例简介").ThrowIfAny();
        if (round.Phase != RoundPhase.Submission)
        {
            throw new ConflictException("roundId", "该活动已不在晒课阶段");
        }
        var classId = db.Actor.Scope.Classes.FirstOrDefault();
        var school = classId == Guid.Empty ? null : await directory.FindClassAsync(classId, ct);
        if (school is null)
        {
            throw new ForbiddenException("只有任课教师可以晒课");
        }
        if (round.ProvinceCode != "" && round.ProvinceCode != school.Key.ProvinceCode)
        {
            throw new ForbiddenException("该活动只面向本省教师");
        }
        // A rule over the whole round, not a view of data: it must see the teacher's entries wherever they sit.
        if (await db.Entries.IgnoreQueryFilters().AnyAsync(e => e.RoundId == round.Id && e.TeacherId == me, ct))
        {
            throw new ConflictException("roundId", "每位教师每个活动年度只能晒一节课（一师一课）");
        }
        var design = await CheckMaterialsAsync(resources, me, request.DesignResourceId, request.CoursewareResourceId, request.RecordingResourceId, request.ExerciseResourceId, ct);
        var entry = new Entry
        {
            RoundId = round.Id,
            TeacherId = me,
            TeacherName = db.Actor.DisplayName ?? "",
            SchoolName = school.SchoolName,
            Title = request.Title.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
            ProvinceCode = school.Key.ProvinceCode,
            CityCode = school.Key.CityCode,
            CountyCode = school.Key.CountyCode,
            SchoolId = school.SchoolId,
        };
        PlaceMaterials(entry, design, request.CoursewareResourceId, request.RecordingResourceId, request.ExerciseResourceId);
        db.Entries.Add(entry);
        try
        {
            // A teacher manages no place, so the guard would refuse any row they add; the place here is not the
            // caller's choice but their own school, read from their assignment above.
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("roundId", "每位教师每个活动年度只能晒一节课（一师一课）");
        }
        return (await ListMyEntries.HandleAsync(db, ct)).First(e => e.Id == entry.Id);
    }

    /// <summary>The materials and, from the teaching design, the lesson's place in the textbook catalogue (also after an edit).</summary>
    internal static void PlaceMaterials(Entry entry, ResourceSummary design, Guid? courseware, Guid? recording, Guid? exercise)
    {
        entry.StageCode = design.StageCode;
        entry.SubjectCode = design.SubjectCode;
        entry.GradeCode = design.GradeCode;
        entry.Edition = design.CataloguePath.Count > 2 ? design.CataloguePath[2] : "";
        entry.CatalogueNodeId = design.CatalogueNodeId;
        entry.CataloguePath = string.Join(" / ", design.CataloguePath);
        entry.ChapterNodeId = design.CatalogueNodeIds[Math.Min(4, design.CatalogueNodeIds.Count - 1)];
        entry.DesignResourceId = design.Id;
        entry.CoursewareResourceId = courseware is { } c && c != Guid.Empty ? c : null;
        entry.RecordingResourceId = recording is { } r && r != Guid.Empty ? r : null;
        entry.ExerciseResourceId = exercise is { } x && x != Guid.Empty ? x : null;
    }

    /// <summary>Every chosen material is the teacher's own resource; the design sits below a textbook edition.</summary>
    internal static async Task<ResourceSummary> CheckMaterialsAsync(IResourceLookup resources, Guid me, Guid designId, Guid? courseware, Guid? recording, Guid? exercise,
        CancellationToken ct)
    {
        (string Field, string Label, Guid? Id)[] slots =
        [
            ("designResourceId", "教学设计", designId), ("coursewareResourceId", "课件", courseware),
            ("recordingResourceId", "课堂实录", recording), ("exerciseResourceId", "练习", exercise),
        ];
        var ids = slots.Where(s => s.Id is { } id && id != Guid.Empty).Select(s => s.Id!.Value).ToList();
        var found = (await resources.FindAsync(ids, ct)).ToDictionary(r => r.Id);
        var problems = new Problems().Check(designId != Guid.Empty, "designResourceId", "请选择教学设计");
        foreach (var (field, label, id) in slots.Where(s => s.Id is { } id && id != Guid.Empty))
        {
            problems.Check(found.TryGetValue(id!.Value, out var r) && r.OwnerId == me, field, $"{label}：请选择您本人上传的资源");
        }
        problems.ThrowIfAny();
        var design = found[designId];
        if (design.CatalogueNodeIds.Count < 3)
        {
            throw ValidationFailedException.For("designResourceId", "教学设计须挂在教材目录的教材版本以下（册、章或节）");
        }
        return design;
    }

    public static async Task<Created<EntryDto>> EndpointAsync(LessonsDbContext db, IOrganizationDirectory directory, IResourceLookup resources, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var entry = await HandleAsync(db, directory, resources, clock, request, ct);
        return TypedResults.Created($"/api/v1/lessons/entries/{entry.Id}", entry);
    }
}
