using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Publishing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Interactions;

public sealed record RateRequest(int Stars);

public sealed record RatingSummary(Guid ResourceId, double Average, int Count, int? Mine);

/// <summary>
/// 评分: 1-5 stars, one per person (rating again replaces it). The resource's sum and count are recomputed from the
/// ratings in the same request and pushed to the search document ("best rated").
/// </summary>
internal static class RateResource
{
    public static async Task<RatingSummary> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, SearchFeeder feeder, TimeProvider clock,
        Guid id, RateRequest request, CancellationToken ct)
    {
        if (request.Stars is < 1 or > 5)
        {
            throw ValidationFailedException.For("stars", "评分（stars）应为 1 到 5 之间的整数");
        }
        var me = VisibleResource.Me(db);
        await VisibleResource.RequireAsync(db, directory, id, ct);
        var rating = await db.Ratings.FirstOrDefaultAsync(r => r.ResourceId == id && r.AccountId == me, ct);
        if (rating is null)
        {
            db.Ratings.Add(rating = new Rating { ResourceId = id, AccountId = me });
        }
        rating.Stars = request.Stars;
        rating.RatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("stars", "评分正在被同时修改，请重试");
        }
        var sum = await db.Ratings.Where(r => r.ResourceId == id).SumAsync(r => (long)r.Stars, ct);
        var count = await db.Ratings.CountAsync(r => r.ResourceId == id, ct);
        await db.Resources.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.RatingSum, sum).SetProperty(r => r.RatingCount, count), ct);
        await feeder.RefreshAsync(db, id, ct);
        return new RatingSummary(id, count == 0 ? 0 : Math.Round((double)sum / count, 2), count, request.Stars);
    }

    public static async Task<RatingSummary> SummaryAsync(ResourcesDbContext db, Guid id, CancellationToken ct)
    {
        var r = await db.Resources.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.RatingSum, x.RatingCount }).FirstOrDefaultAsync(ct);
        var me = db.Actor.UserId;
        var mine = me is null ? null : await db.Ratings.Where(x => x.ResourceId == id && x.AccountId == me).Select(x => (int?)x.Stars).FirstOrDefaultAsync(ct);
        return new RatingSummary(id, r is null || r.RatingCount == 0 ? 0 : Math.Round((double)r.RatingSum / r.RatingCount, 2), r?.RatingCount ?? 0, mine);
    }

    public static async Task<Ok<RatingSummary>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, SearchFeeder feeder, TimeProvider clock,
        Guid id, RateRequest request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, feeder, clock, id, request, ct));
}
