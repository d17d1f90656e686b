using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Domain;

namespace EduCloud.Resources.Features.Resources;

/// <summary>
/// Who sees what of a resource. Resources are not scoped rows (a published one serves the whole country), so this is
/// the one place that decides: published versions are for every signed-in user (a 校本资源 only for its school);
/// unpublished versions, comments and the event log for the owner, the reviewers whose region holds the review node,
/// and administrators managing that node.
/// </summary>
internal static class ResourceAccess
{
    public static bool IsReviewerOf(ICurrentActor actor, Resource resource) =>
        actor.Scope.IsSystem
        || (actor.Roles.Contains(Role.ResourceReviewer) && InRegion(actor.Scope, resource.ReviewKey))
        || (actor.Roles.Any(r => r.IsAdministrator()) && actor.Scope.CanManage(resource.ReviewKey));

    public static bool SeesWorkflow(ICurrentActor actor, Resource resource) => actor.UserId == resource.OwnerId || IsReviewerOf(actor, resource);

    public static bool SeesPublished(ICurrentActor actor, Resource resource, IReadOnlyCollection<Guid> callerSchools) =>
        resource.PublishedVersionId is not null
        && (resource.SchoolId is null || callerSchools.Contains(resource.SchoolId.Value) || SeesWorkflow(actor, resource));

    private static bool InRegion(DataScope scope, ScopeKey node) =>
        scope.Provinces.Contains(node.ProvinceCode) || scope.Cities.Contains(node.CityCode) || scope.Counties.Contains(node.CountyCode);

    /// <summary>The schools the caller belongs to: managed schools and the schools of a teacher's or student's classes.</summary>
    public static async Task<IReadOnlyCollection<Guid>> CallerSchoolsAsync(ICurrentActor actor, IOrganizationDirectory directory, CancellationToken ct)
    {
        var schools = new HashSet<Guid>(actor.Scope.Schools);
        if (actor.Scope.Classes.Count > 0)
        {
            foreach (var c in (await directory.FindClassesAsync(actor.Scope.Classes, ct)).Values)
            {
                schools.Add(c.SchoolId);
            }
        }
        return schools;
    }
}
