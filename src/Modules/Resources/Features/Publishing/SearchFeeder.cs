using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Search;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Publishing;

/// <summary>
/// Tells the search what is published: on publication (Upsert), on takedown (Remove) and, at start, every published
/// resource. One lock orders the start-up load against live changes, so a takedown committed while the load reads
/// the tables is applied after the load and is not undone by it.
/// </summary>
internal sealed class SearchFeeder(IResourceSearch search)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async Task PublishedAsync(Resource resource, ResourceVersion version, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            search.Upsert(ToDocument(resource, version));
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task WithdrawnAsync(Guid resourceId, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            search.Remove(resourceId);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Re-reads one resource after its counters changed (a rating, a use): "best rated" and "most used" sort on the
    /// document's numbers. Under the lock, so it cannot put back a resource a takedown just removed.
    /// </summary>
    public async Task RefreshAsync(ResourcesDbContext db, Guid resourceId, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var row = await (from r in db.Resources.AsNoTracking()
                             join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id
                             where r.Id == resourceId
                             select new { r, v }).FirstOrDefaultAsync(ct);
            if (row is not null)
            {
                search.Upsert(ToDocument(row.r, row.v));
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Loads every published resource (idempotent). Returns how many.</summary>
    public async Task<int> LoadAllAsync(ResourcesDbContext db, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var count = 0;
            var rows = from r in db.Resources.AsNoTracking()
                       join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id
                       select new { r, v };
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                search.Upsert(ToDocument(row.r, row.v));
                count++;
            }
            return count;
        }
        finally
        {
            _lock.Release();
        }
    }

    public static SearchDocument ToDocument(Resource r, ResourceVersion v) => new(
        r.Id, v.Title, v.Description, [.. v.Tags, .. v.KnowledgePoints], v.CataloguePath, v.CatalogueNodeIds,
        v.StageCode, v.SubjectCode, v.GradeCode, v.TypeCode, v.Format, v.LanguageCode, v.LicenceCode,
        r.Kind switch { ResourceKind.Basic => "basic", ResourceKind.Personalised => "personalised", _ => "school" },
        r.PriceCents, r.SchoolId, new DateTimeOffset(DateTime.SpecifyKind(r.PublishedAt ?? v.CreatedAt, DateTimeKind.Utc)), r.UseCount, r.RatingAverage, r.RatingCount);
}
