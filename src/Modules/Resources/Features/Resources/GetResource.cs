using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Resources;

public sealed record EventDto(string Trigger, string TriggerName, string From, string To, string ActorName, string? Comment, DateTime At);

public sealed record VersionDto(Guid Id, int Number, string Status, string StatusName, string Title, string Description, IReadOnlyList<string> Tags,
    IReadOnlyList<string> KnowledgePoints, string TypeCode, string TypeName, string LanguageCode, string LanguageName, string LicenceCode, string LicenceName,
    Guid CatalogueNodeId, IReadOnlyList<string> CataloguePath, IReadOnlyList<Guid> CatalogueNodeIds, string StageCode, string SubjectCode, string? GradeCode, string FileName, string Format,
    string ContentType, long SizeBytes, int? DurationSeconds, string Sha256, DateTime CreatedAt, DateTime? PublishedAt, string? LastComment,
    IReadOnlyList<string> AllowedTriggers, IReadOnlyList<EventDto> Events, string Preview = "NotNeeded");

public sealed record ResourceDetailDto(Guid Id, string Kind, string KindName, long PriceCents, string ProviderName, string OwnerName, Guid? SchoolId,
    string ReviewRegion, Guid? PublishedVersionId, DateTime? PublishedAt, bool IsOwner, bool IsReviewer, IReadOnlyList<VersionDto> Versions, long UseCount = 0, double RatingAverage = 0, int RatingCount = 0, int? LicenceYears = null);

/// <summary>
/// One resource as the caller may see it: everyone the published version; the owner and the reviewers of its node
/// also every version (newest first), the reviewers' comments, the event log and the transitions they may take.
/// </summary>
internal static class GetResource
{
    public static async Task<ResourceDetailDto> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var actor = db.Actor;
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("未找到该资源");
        var workflow = ResourceAccess.SeesWorkflow(actor, resource);
        if (!workflow && !ResourceAccess.SeesPublished(actor, resource, await ResourceAccess.CallerSchoolsAsync(actor, directory, ct)))
        {
            throw new NotFoundException("未找到该资源");
        }
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.ResourceId == id && (workflow || v.Id == resource.PublishedVersionId))
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        var events = workflow
            ? (await db.Events.AsNoTracking().Where(e => e.ResourceId == id).ToListAsync(ct)).OrderBy(e => e.Step).ThenBy(e => e.At).ToLookup(e => e.VersionId)
            : Enumerable.Empty<VersionEvent>().ToLookup(e => e.VersionId);
        var shas = versions.Select(v => v.BlobSha256).Distinct().ToList();
        var previews = await db.Blobs.AsNoTracking().Where(b => shas.Contains(b.Sha256)).ToDictionaryAsync(b => b.Sha256, b => b.Preview.ToString(), ct);
        return new ResourceDetailDto(resource.Id, resource.Kind.ToString(), ResourceCodes.KindName(resource.Kind), resource.PriceCents, resource.ProviderName,
            resource.OwnerName, resource.SchoolId, resource.CountyCode ?? resource.CityCode ?? resource.ProvinceCode, resource.PublishedVersionId, resource.PublishedAt,
            actor.UserId == resource.OwnerId, ResourceAccess.IsReviewerOf(actor, resource),
            versions.Select(v => ToDto(v, workflow, workflow ? ReviewWorkflow.AllowedFor(actor, resource, v).Select(t => t.Trigger.ToString()).ToList() : [], events[v.Id])
                with { Preview = previews.GetValueOrDefault(v.BlobSha256, "NotNeeded") }).ToList(),
            resource.UseCount, Math.Round(resource.RatingAverage, 2), resource.RatingCount, resource.LicenceYears);
    }

    internal static VersionDto ToDto(ResourceVersion v, bool workflow, IReadOnlyList<string> allowed, IEnumerable<VersionEvent> events) => new(
        v.Id, v.Number, v.Status.ToString(), ReviewWorkflow.StatusName(v.Status), v.Title, v.Description, v.Tags, v.KnowledgePoints,
        v.TypeCode, ResourceCodes.NameOf(ResourceCodes.Types, v.TypeCode), v.LanguageCode, ResourceCodes.NameOf(ResourceCodes.Languages, v.LanguageCode),
        v.LicenceCode, ResourceCodes.NameOf(ResourceCodes.Licences, v.LicenceCode), v.CatalogueNodeId, v.CataloguePath, v.CatalogueNodeIds, v.StageCode, v.SubjectCode, v.GradeCode,
        v.FileName, v.Format, v.ContentType, v.SizeBytes, v.DurationSeconds, v.BlobSha256, v.CreatedAt, v.PublishedAt, workflow ? v.LastComment : null, allowed,
        events.Select(e => new EventDto(e.Trigger.ToString(), ReviewWorkflow.TriggerName(e.Trigger), ReviewWorkflow.StatusName(e.From), ReviewWorkflow.StatusName(e.To),
            e.ActorName, e.Comment, e.At)).ToList());

    public static async Task<Ok<ResourceDetailDto>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, id, ct));
}
