using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Groups;

/// <summary>听评课: a member records their observation of another member's lesson, rating each criterion 1-5.</summary>
internal static class RecordObservation
{
    public sealed record Request(Guid? TeacherId, string? Topic, DateOnly? ObservedOn, List<int>? Ratings, string? Strengths, string? Suggestions);

    public static async Task<GetGroup.ObservationDto> HandleAsync(SpacesDbContext db, TimeProvider clock, Guid groupId, Request request, CancellationToken ct)
    {
        await GroupAccess.MemberOfAsync(db, groupId, ct);
        var me = db.Actor.Me();
        var ratings = request.Ratings ?? [];
        var teacher = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.GroupId == groupId && m.AccountId == request.TeacherId, ct);
        new Problems()
            .Check(teacher is not null, "teacherId", "授课教师须是本组成员")
            .Check(request.TeacherId != me, "teacherId", "不能评自己的课")
            .Required(request.Topic, "topic", "课题").MaxLength(request.Topic?.Trim(), 100, "topic", "课题")
            .Check(request.ObservedOn is not null, "observedOn", "请填写听课日期")
            .Check(ratings.Count == Observation.Criteria.Length && ratings.All(r => r is >= 1 and <= 5), "ratings",
                $"请为{string.Join("、", Observation.Criteria)}各打 1-5 分")
            .MaxLength(request.Strengths, 2000, "strengths", "优点").MaxLength(request.Suggestions, 2000, "suggestions", "建议")
            .ThrowIfAny();
        var observation = new Observation
        {
            GroupId = groupId, ObserverId = me, ObserverName = db.Actor.DisplayName ?? "", TeacherId = teacher!.AccountId, TeacherName = teacher.DisplayName,
            Topic = request.Topic!.Trim(), ObservedOn = request.ObservedOn!.Value, Ratings = ratings, Strengths = request.Strengths?.Trim() ?? "",
            Suggestions = request.Suggestions?.Trim() ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Observations.Add(observation);
        await db.SaveChangesAsync(ct);
        return new GetGroup.ObservationDto(observation.Id, observation.ObserverName, observation.TeacherName, observation.Topic, observation.ObservedOn,
            observation.Ratings, observation.Strengths, observation.Suggestions);
    }

    public static async Task<Created<GetGroup.ObservationDto>> EndpointAsync(SpacesDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var dto = await HandleAsync(db, clock, id, request, ct);
        return TypedResults.Created($"/api/v1/spaces/groups/{id}", dto);
    }
}
