using EduCloud.Assessment.Contracts;
using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Homework.Features.Assignments;

/// <summary>
/// 布置作业: a teacher sets homework for one or several of their own classes (403 for any other class). Each class
/// gets its own row, tied by one set id, with the same title, instructions, rubric, attachments and deadline.
/// </summary>
internal static class SetAssignment
{
    public sealed record Request(IReadOnlyList<Guid>? ClassIds, string? Title, string? Instructions, string? Subject, double? MaxScore, DateTimeOffset? DueAt,
        string? Deadline, IReadOnlyList<CriterionInput>? Rubric, IReadOnlyList<Guid>? AttachmentIds, IReadOnlyList<Guid>? ItemIds = null)
    {
        public AssignmentInput Input => new(Title, Instructions, Subject, MaxScore, DueAt, Deadline, Rubric, AttachmentIds, ItemIds);
    }

    public static async Task<IReadOnlyList<AssignmentDto>> HandleAsync(HomeworkDbContext db, IOrganizationDirectory directory, IItemBank bank, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var classIds = (request.ClassIds ?? []).Distinct().ToList();
        if (classIds.Count == 0)
        {
            throw ValidationFailedException.For("classIds", "请至少选择一个班级");
        }
        var me = Guid.Empty;
        foreach (var classId in classIds)
        {
            me = HomeworkAccess.RequireTeacherOf(db, classId);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (max, rule, items) = await AssignmentRules.CheckAsync(db, bank, me, request.Input, now, ct);
        var classes = await directory.FindClassesAsync(classIds, ct);
        var setId = Guid.CreateVersion7();
        var created = new List<Assignment>();
        foreach (var classId in classIds)
        {
            var place = classes.GetValueOrDefault(classId) ?? throw new NotFoundException("未找到该班级");
            var a = new Assignment
            {
                SetId = setId, TeacherId = me, TeacherName = db.Actor.DisplayName ?? "", ClassName = place.GradeName + place.Name, CreatedAt = now,
                ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId, ClassId = classId,
            };
            AssignmentRules.Apply(a, request.Input, max, rule, [.. items.Select(i => i.Copy())]);
            db.Assignments.Add(a);
            db.Criteria.AddRange(AssignmentRules.Rubric(a.Id, request.Input));
            created.Add(a);
        }
        // The class is the teacher's own (checked above) and the place is the class's: not the caller's choice.
        await db.SaveChangesAsPlatformAsync(ct);
        var result = new List<AssignmentDto>();
        foreach (var a in created)
        {
            result.Add(await AssignmentView.DescribeAsync(db, a, ct));
        }
        return result;
    }

    public static async Task<Created<IReadOnlyList<AssignmentDto>>> EndpointAsync(HomeworkDbContext db, IOrganizationDirectory directory, IItemBank bank, TimeProvider clock,
        Request request, CancellationToken ct)
    {
        var created = await HandleAsync(db, directory, bank, clock, request, ct);
        return TypedResults.Created($"/api/v1/homework/assignments/{created[0].Id}", created);
    }
}
