using Microsoft.EntityFrameworkCore;

namespace EduCloud.Kernel.Paging;

/// <summary>One page of a list. Pages are 1-based; size is capped so no caller can ask for a whole table.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public const int MaxSize = 200;

    public static int ClampSize(int? size) => size is null or < 1 ? 20 : Math.Min(size.Value, MaxSize);

    public static int ClampNumber(int? number) => number is null or < 1 ? 1 : number.Value;
}

public static class PagingExtensions
{
    /// <summary>
    /// One round trip: each row of the page carries the total as an uncorrelated sub-query, which both
    /// databases evaluate once per statement. Only a page past the end (no rows to carry it) counts apart.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken ct)
    {
        var number = Page<T>.ClampNumber(page);
        var pageSize = Page<T>.ClampSize(size);
        var rows = await query.Skip((number - 1) * pageSize).Take(pageSize)
            .Select(item => new CountedRow<T> { Item = item, Total = query.Count() })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new Page<T>([], number, pageSize, number == 1 ? 0 : await query.CountAsync(ct));
        }
        return new Page<T>(rows.ConvertAll(r => r.Item), number, pageSize, rows[0].Total);
    }

    private sealed class CountedRow<T>
    {
        public required T Item { get; init; }

        public int Total { get; init; }
    }
}
