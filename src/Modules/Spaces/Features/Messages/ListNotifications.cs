using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Messages;

/// <summary>站内提醒: my notifications that are due (quiet hours over), newest first, and how many wait for the quiet hours to end.</summary>
internal static class ListNotifications
{
    public sealed record Item(Guid Id, string Kind, string Title, string Link, DateTime ShowFrom, bool Seen);

    public sealed record Response(IReadOnlyList<Item> Items, int Unseen, int Held);

    public static async Task<Response> HandleAsync(SpacesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == me);
        var items = await mine.Where(n => n.ShowFrom <= now).OrderByDescending(n => n.ShowFrom).Take(50)
            .Select(n => new Item(n.Id, n.Kind.ToString(), n.Title, n.Link, n.ShowFrom, n.SeenAt != null)).ToListAsync(ct);
        return new Response(items, await mine.CountAsync(n => n.ShowFrom <= now && n.SeenAt == null, ct), await mine.CountAsync(n => n.ShowFrom > now, ct));
    }

    /// <summary>Marks all due notifications seen.</summary>
    public static async Task SeenAsync(SpacesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = db.Actor.Me();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.RecipientId == me && n.ShowFrom <= now && n.SeenAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.SeenAt, now), ct);
    }

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, clock, ct));

    public static async Task<NoContent> SeenEndpointAsync(SpacesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await SeenAsync(db, clock, ct);
        return TypedResults.NoContent();
    }
}
