using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Features.Groups;
using EduCloud.Spaces.Features.Messages;
using EduCloud.Spaces.Features.Notices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Spaces.Features.Spaces;

/// <summary>
/// 个人空间: my inbox (notices and conversations, unread first), my notifications, my groups, and links to the class and
/// school spaces I belong to.
/// </summary>
internal static class GetMySpace
{
    /// <summary>A space I belong to: kind class, school or region, and its id (a GUID, or a region's GB/T 2260 code).</summary>
    public sealed record Place(string Kind, string Id, string Name);

    public sealed record Response(IReadOnlyList<ListNotices.Received> Notices, IReadOnlyList<ListThreads.ThreadDto> Threads, int UnreadNotices, int UnreadMessages,
        ListNotifications.Response Notifications, IReadOnlyList<GetGroup.Summary> Groups, IReadOnlyList<Place> Places);

    public static async Task<Response> HandleAsync(SpacesDbContext db, IOrganizationDirectory directory, IClassRoster roster, IPeopleDirectory people, TimeProvider clock, CancellationToken ct)
    {
        var notices = await ListNotices.InboxAsync(db, 30, ct);
        var threads = await ListThreads.MineAsync(db, ct);
        var classes = await directory.FindClassesAsync([.. await People.MyClassesAsync(db.Actor, roster, ct)], ct);
        var places = classes.Values.OrderBy(c => c.GradeName).ThenBy(c => c.Name).Select(c => new Place("class", c.Id.ToString(), c.GradeName + c.Name)).ToList();
        var schoolIds = classes.Values.Select(c => c.SchoolId).Concat(db.Actor.Scope.ManagedSchools).Distinct().ToList();
        var schools = await directory.SchoolNamesAsync(schoolIds, ct);
        places.AddRange(schoolIds.Where(schools.ContainsKey).Select(s => new Place("school", s.ToString(), schools[s])));
        // A bureau administrator's own regions (the ones they manage), as region spaces.
        var regionCodes = db.Actor.Scope.ManagedProvinces.Concat(db.Actor.Scope.ManagedCities).Concat(db.Actor.Scope.ManagedCounties).Distinct().ToList();
        IReadOnlyDictionary<string, string> regions = regionCodes.Count == 0 ? new Dictionary<string, string>() : await directory.RegionNamesAsync(regionCodes, ct);
        places.AddRange(regionCodes.Where(regions.ContainsKey).Select(c => new Place("region", c, regions[c])));
        return new Response(notices, threads, notices.Count(n => n.ReadAt is null), threads.Sum(t => t.Unread),
            await ListNotifications.HandleAsync(db, clock, ct), await GetGroup.MineAsync(db, ct), places);
    }

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, IOrganizationDirectory directory, IClassRoster roster, IPeopleDirectory people, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, roster, people, clock, ct));
}
