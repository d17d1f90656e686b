using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Contracts;
using EduCloud.Spaces.Data;
using EduCloud.Spaces.Features.Groups;
using EduCloud.Spaces.Features.Messages;
using EduCloud.Spaces.Features.Notices;
using EduCloud.Spaces.Features.Plans;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Spaces.Features;

/// <summary>
/// The forms and buttons of the spaces pages: each posts here (antiforgery-checked, cookie session), runs the same
/// handler as the API and returns to a page with the outcome in the query string. Plain endpoints rather than Blazor
/// forms because pages carry several forms and one takes a file.
/// </summary>
internal static class PageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/spaces/actions").RequireAuthorization().ExcludeFromDescription();
        g.MapPost("/notices", async (SpacesDbContext db, IOrganizationDirectory directory, IPeopleDirectory people, FileIntake intake, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            return await RedirectAsync("/spaces/notices/new", async () =>
            {
                List<Guid> attachments = [];
                if (form.Files.GetFile("file") is { Length: > 0 } file)
                {
                    await using var stream = file.OpenReadStream();
                    attachments.Add((await UploadAttachment.HandleAsync(db, intake, clock, file.FileName, stream, ct)).Id);
                }
                var sent = await SendNotice.HandleAsync(db, directory, people, clock, new SendNotice.Request(form["title"], form["body"], form["audience"].FirstOrDefault() is { Length: > 0 } a ? a : null,
                    Ids(form["classIds"]), Ids(form["schoolIds"]), form["needsAcknowledgement"] == "true", attachments), ct);
                return $"/spaces/notices/{sent.Id}?done=sent";
            });
        });
        g.MapPost("/notices/{id:guid}/acknowledge", (SpacesDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
            RunAsync($"/spaces/notices/{id}", "acknowledged", () => AcknowledgeNotice.HandleAsync(db, clock, id, ct)));
        g.MapPost("/messages", async (SpacesDbContext db, IClassRoster roster, IPeopleDirectory people, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var parts = form["contact"].ToString().Split(':');
            return await RedirectAsync("/spaces/messages", async () =>
            {
                var (child, other) = parts.Length == 2 && Guid.TryParse(parts[0], out var c) && Guid.TryParse(parts[1], out var o) ? (c, o)
                    : throw ValidationFailedException.For("contact", "请选择联系人");
                var parent = db.Actor.Children().Contains(child);
                var sent = await SendMessage.HandleAsync(db, roster, people, clock, new SendMessage.Request(child, parent ? o : null, parent ? null : o, form["text"]), ct);
                return $"/spaces/messages/{sent.ThreadId}";
            });
        });
        g.MapPost("/messages/{id:guid}", async (SpacesDbContext db, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            return await RunAsync($"/spaces/messages/{id}", "sent", () => ReplyInThread.HandleAsync(db, clock, id, new ReplyInThread.Request(form["text"]), ct));
        });
        g.MapPost("/preferences", async (SpacesDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            return await RunAsync("/spaces/preferences", "saved", () => SetPreferences.HandleAsync(db, clock,
                new SetPreferences.Dto(f["notices"] == "true", f["messages"] == "true", f["planActivity"] == "true", f["quietFrom"], f["quietTo"]), ct));
        });
        MapGroupActions(g);
    }

    private static void MapGroupActions(RouteGroupBuilder g)
    {
        g.MapPost("/groups", async (SpacesDbContext db, IOrganizationDirectory directory, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            return await RedirectAsync("/spaces/groups", async () =>
                $"/spaces/groups/{(await CreateGroup.HandleAsync(db, directory, clock, new CreateGroup.Request(f["name"], f["kind"], f["subject"]), ct)).Id}");
        });
        g.MapPost("/groups/{id:guid}/members", async (SpacesDbContext db, IAccountPlacement placement, IPeopleDirectory people, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            return await RunAsync($"/spaces/groups/{id}", "member", () => AddMember.HandleAsync(db, placement, people, clock, id, new AddMember.Request(f["userName"]), ct));
        });
        g.MapPost("/groups/{id:guid}/posts", async (SpacesDbContext db, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            var parentId = Guid.TryParse(f["parentId"], out var p) ? p : (Guid?)null;
            var back = parentId is null ? $"/spaces/groups/{id}" : $"/spaces/groups/{id}/topics/{parentId}";
            return await RunAsync(back, "posted", () => PostInGroup.HandleAsync(db, clock, id, new PostInGroup.Request(f["title"], f["body"], parentId), ct));
        });
        g.MapPost("/groups/{id:guid}/observations", async (SpacesDbContext db, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            var ratings = f["ratings"].Select(r => int.TryParse(r, out var v) ? v : 0).ToList();
            var observedOn = DateOnly.TryParseExact(f["observedOn"], "yyyy-MM-dd", out var d) ? d : (DateOnly?)null;
            return await RunAsync($"/spaces/groups/{id}", "observed", () => RecordObservation.HandleAsync(db, clock, id,
                new RecordObservation.Request(Guid.TryParse(f["teacherId"], out var t) ? t : null, f["topic"], observedOn, ratings, f["strengths"], f["suggestions"]), ct));
        });
        g.MapPost("/plans", async (SpacesDbContext db, IResourceLookup resources, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            return await RedirectAsync("/spaces/plans", async () => $"/spaces/plans/{(await CreatePlan.HandleAsync(db, resources, clock,
                new CreatePlan.Request(f["title"], f["stage"], f["subject"], f["objectives"], f["process"], Ids(f["resourceIds"]), Guid.TryParse(f["groupId"], out var gid) ? gid : null), ct)).Id}");
        });
        g.MapPost("/plans/{id:guid}", async (SpacesDbContext db, IResourceLookup resources, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            var basedOn = int.TryParse(f["basedOn"], out var b) ? b : (int?)null;
            var propose = f["propose"] == "true";
            return await RunAsync($"/spaces/plans/{id}", propose ? "proposed" : "saved", () => propose
                ? (Task)ProposeEdit.HandleAsync(db, resources, clock, id, new ProposeEdit.Request(basedOn, f["title"], f["objectives"], f["process"], Ids(f["resourceIds"]), f["note"]), ct)
                : SavePlan.HandleAsync(db, resources, clock, id, new SavePlan.Request(basedOn, f["title"], f["objectives"], f["process"], Ids(f["resourceIds"]), f["note"]), ct));
        });
        g.MapPost("/plans/{id:guid}/comments", async (SpacesDbContext db, TimeProvider clock, Guid id, HttpRequest request, CancellationToken ct) =>
        {
            var f = await request.ReadFormAsync(ct);
            return await RunAsync($"/spaces/plans/{id}", "commented", () => CommentOnPlan.HandleAsync(db, clock, id, new CommentOnPlan.Request(f["body"]), ct));
        });
        g.MapPost("/plans/{id:guid}/proposals/{number:int}/{decision}", (SpacesDbContext db, TimeProvider clock, Guid id, int number, string decision, CancellationToken ct) =>
            RunAsync($"/spaces/plans/{id}", decision, () => ProposeEdit.DecideAsync(db, clock, id, number, decision == "accept", ct)));
    }

    private static List<Guid> Ids(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).Select(v => Guid.TryParse(v.Trim(), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
}
