using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Items;

/// <summary>题库: the items the caller may use, newest first, filtered by type, stage, subject, difficulty, knowledge point, text or "mine only".</summary>
internal static class ListItems
{
    public sealed record Filter(string? Kind = null, string? Stage = null, string? Subject = null, int? Difficulty = null, string? Tag = null, string? Q = null,
        bool? Mine = null, int? Take = null);

    public static async Task<IReadOnlyList<ItemDto>> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, Filter f, CancellationToken ct)
    {
        var query = (await ItemAccess.ReadableAsync(db, directory, ct)).AsNoTracking();
        if (Enum.TryParse<ItemKind>(f.Kind, true, out var kind))
        {
            query = query.Where(i => i.Kind == kind);
        }
        if (!string.IsNullOrEmpty(f.Stage))
        {
            query = query.Where(i => i.StageCode == f.Stage);
        }
        if (!string.IsNullOrEmpty(f.Subject))
        {
            query = query.Where(i => i.SubjectCode == f.Subject);
        }
        if (f.Difficulty is { } d)
        {
            query = query.Where(i => i.Difficulty == d);
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(i => i.Stem.Contains(q));
        }
        if (f.Mine == true)
        {
            var me = db.Actor.UserId;
            query = query.Where(i => i.OwnerId == me);
        }
        var take = Math.Clamp(f.Take ?? 100, 1, 500);
        var items = await query.OrderByDescending(i => i.UpdatedAt).Take(string.IsNullOrWhiteSpace(f.Tag) ? take : 2000).ToListAsync(ct);
        // Tags are a JSON/array column on two databases: filter the (bounded) page in memory rather than in two SQL dialects.
        if (!string.IsNullOrWhiteSpace(f.Tag))
        {
            items = items.Where(i => i.KnowledgePoints.Contains(f.Tag.Trim())).Take(take).ToList();
        }
        return items.Select(i => ItemDto.Of(i, db.Actor.UserId)).ToList();
    }

    public static async Task<Ok<IReadOnlyList<ItemDto>>> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, string? kind, string? stage, string? subject,
        int? difficulty, string? tag, string? q, bool? mine, int? take, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, new Filter(kind, stage, subject, difficulty, tag, q, mine, take), ct));

    public static async Task<Ok<ItemDto>> GetEndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct) =>
        TypedResults.Ok(ItemDto.Of(await ItemAccess.ReadAsync(db, directory, id, ct), db.Actor.UserId));
}
