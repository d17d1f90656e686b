using EduCloud.Spaces.Data;
using EduCloud.Spaces.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Groups;

/// <summary>A group's page: members, discussion topics, shared lesson plans and lesson observations; and my groups.</summary>
internal static class GetGroup
{
    public sealed record Summary(Guid Id, string Name, string Kind, string KindName, string? Subject, string LeaderName, int Members);

    public sealed record MemberDto(Guid AccountId, string DisplayName, bool IsLeader);

    public sealed record TopicDto(Guid Id, string Title, string AuthorName, int Replies, DateTime LastAt);

    public sealed record PlanDto(Guid Id, string Title, string AuthorName, int CurrentVersion, DateTime UpdatedAt);

    public sealed record ObservationDto(Guid Id, string ObserverName, string TeacherName, string Topic, DateOnly ObservedOn, List<int> Ratings, string Strengths, string Suggestions);

    public sealed record Response(Summary Group, bool IsLeader, IReadOnlyList<MemberDto> Members, IReadOnlyList<TopicDto> Topics, IReadOnlyList<PlanDto> Plans,
        IReadOnlyList<ObservationDto> Observations);

    public static async Task<List<Summary>> MineAsync(SpacesDbContext db, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var groups = await db.Groups.AsNoTracking().Where(g => db.Members.Any(m => m.GroupId == g.Id && m.AccountId == me)).OrderBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, g.Kind, g.Subject, g.LeaderName, Members = db.Members.Count(m => m.GroupId == g.Id) }).ToListAsync(ct);
        return [.. groups.Select(g => new Summary(g.Id, g.Name, g.Kind.ToString(), GroupAccess.KindName(g.Kind), g.Subject, g.LeaderName, g.Members))];
    }

    public static async Task<Response> HandleAsync(SpacesDbContext db, Guid id, CancellationToken ct)
    {
        var group = await GroupAccess.MemberOfAsync(db, id, ct);
        var members = await db.Members.AsNoTracking().Where(m => m.GroupId == id).OrderByDescending(m => m.IsLeader).ThenBy(m => m.DisplayName)
            .Select(m => new MemberDto(m.AccountId, m.DisplayName, m.IsLeader)).ToListAsync(ct);
        var topics = await db.Posts.AsNoTracking().Where(p => p.GroupId == id && p.ParentId == null).OrderByDescending(p => p.LastAt).Take(50)
            .Select(p => new TopicDto(p.Id, p.Title, p.AuthorName, p.Replies, p.LastAt)).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.GroupId == id).OrderByDescending(p => p.UpdatedAt).Take(50)
            .Select(p => new PlanDto(p.Id, p.Title, p.AuthorName, p.CurrentVersion, p.UpdatedAt)).ToListAsync(ct);
        var observations = await db.Observations.AsNoTracking().Where(o => o.GroupId == id).OrderByDescending(o => o.ObservedOn).Take(50)
            .Select(o => new ObservationDto(o.Id, o.ObserverName, o.TeacherName, o.Topic, o.ObservedOn, o.Ratings, o.Strengths, o.Suggestions)).ToListAsync(ct);
        var summary = new Summary(group.Id, group.Name, group.Kind.ToString(), GroupAccess.KindName(group.Kind), group.Subject, group.LeaderName, members.Count);
        return new Response(summary, group.LeaderId == db.Actor.UserId, members, topics, plans, observations);
    }

    public static async Task<Ok<List<Summary>>> MineEndpointAsync(SpacesDbContext db, CancellationToken ct) => TypedResults.Ok(await MineAsync(db, ct));

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, Guid id, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, id, ct));
}
