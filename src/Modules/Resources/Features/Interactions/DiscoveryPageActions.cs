using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Features.ClassPush;
using EduCloud.Resources.Features.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Resources.Features.Interactions;

/// <summary>
/// The small forms of the detail page (favourite, rate, comment, moderate, push): each posts here (antiforgery,
/// cookie session), runs the API's handler and goes back to the page with the outcome in the query string, like
/// Review/PageActions. Plain endpoints because one page carries several independent forms.
/// </summary>
internal static class DiscoveryPageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/resources/actions").RequireAuthorization().ExcludeFromDescription();
        group.MapPost("/favourite", (ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, [FromForm] Guid resourceId, CancellationToken ct) =>
            RunAsync(resourceId, async () => (await ToggleFavourite.HandleAsync(db, directory, clock, resourceId, ct)).Favourite ? "favourited" : "unfavourited"));
        group.MapPost("/rate", (ResourcesDbContext db, IOrganizationDirectory directory, SearchFeeder feeder, TimeProvider clock, [FromForm] Guid resourceId, [FromForm] int stars, CancellationToken ct) =>
            RunAsync(resourceId, async () => { await RateResource.HandleAsync(db, directory, feeder, clock, resourceId, new RateRequest(stars), ct); return "rated"; }));
        group.MapPost("/comment", (ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, [FromForm] Guid resourceId, [FromForm] string? text, CancellationToken ct) =>
            RunAsync(resourceId, async () => (await CommentOnResource.AddAsync(db, directory, clock, resourceId, new CommentRequest(text), ct)).Status == "Approved" ? "commented" : "comment-pending"));
        group.MapPost("/moderate", (ResourcesDbContext db, TimeProvider clock, [FromForm] Guid resourceId, [FromForm] Guid commentId, [FromForm] bool approve, [FromForm] bool? fromQueue, CancellationToken ct) =>
            RunAsync(resourceId, async () => { await CommentOnResource.ModerateAsync(db, clock, commentId, approve, ct); return approve ? "comment-approved" : "comment-rejected"; },
                fromQueue == true ? "/resources/comments" : null));
        group.MapPost("/push", (ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, [FromForm] Guid resourceId, [FromForm] Guid[]? classIds, [FromForm] string? note, CancellationToken ct) =>
            RunAsync(resourceId, async () => { await PushToClass.HandleAsync(db, directory, clock, resourceId, new PushRequest(classIds ?? [], note), ct); return "pushed"; }));
    }

    /// <summary>Back to the resource (or <paramref name="backTo"/>) with the outcome the action names.</summary>
    private static Task<IResult> RunAsync(Guid resourceId, Func<Task<string>> action, string? backTo = null)
    {
        var back = backTo ?? $"/resources/{resourceId}";
        return RedirectAsync(back, async () => WithQuery(back, "done", await action()));
    }
}
