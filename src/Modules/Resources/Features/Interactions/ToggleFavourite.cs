using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Interactions;

public sealed record FavouriteState(Guid ResourceId, bool Favourite);

public sealed record FavouriteDto(Guid ResourceId, string Title, string TypeName, string Format, string ProviderName, DateTime FavouredAt);

/// <summary>收藏 / 取消收藏 (a toggle) and "我的收藏". Taken-down resources stay in the list, marked by having no title.</summary>
internal static class ToggleFavourite
{
    public static async Task<FavouriteState> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var me = VisibleResource.Me(db);
        var existing = await db.Favourites.FirstOrDefaultAsync(f => f.AccountId == me && f.ResourceId == id, ct);
        if (existing is not null)
        {
            db.Favourites.Remove(existing);
            await db.SaveChangesAsync(ct);
            return new FavouriteState(id, false);
        }
        await VisibleResource.RequireAsync(db, directory, id, ct);
        db.Favourites.Add(new Favourite { ResourceId = id, AccountId = me, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return new FavouriteState(id, true);
    }

    public static async Task<bool> IsFavouriteAsync(ResourcesDbContext db, Guid id, CancellationToken ct) =>
        db.Actor.UserId is { } me && await db.Favourites.AnyAsync(f => f.AccountId == me && f.ResourceId == id, ct);

    public static async Task<IReadOnlyList<FavouriteDto>> ListAsync(ResourcesDbContext db, CancellationToken ct)
    {
        var me = VisibleResource.Me(db);
        var rows = await (from f in db.Favourites.AsNoTracking()
                          where f.AccountId == me
                          join r in db.Resources.AsNoTracking() on f.ResourceId equals r.Id
                          join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id into published
                          from v in published.DefaultIfEmpty()
                          orderby f.CreatedAt descending
                          select new { f.ResourceId, f.CreatedAt, r.ProviderName, Title = v == null ? null : v.Title, TypeCode = v == null ? null : v.TypeCode, Format = v == null ? null : v.Format })
                         .Take(500).ToListAsync(ct);
        return rows.Select(x => new FavouriteDto(x.ResourceId, x.Title ?? "", x.TypeCode is null ? "" : ResourceCodes.NameOf(ResourceCodes.Types, x.TypeCode),
            x.Format ?? "", x.ProviderName, x.CreatedAt)).ToList();
    }

    public static async Task<Ok<FavouriteState>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, clock, id, ct));

    public static async Task<Ok<IReadOnlyList<FavouriteDto>>> ListEndpointAsync(ResourcesDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, ct));
}
