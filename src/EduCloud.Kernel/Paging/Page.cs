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
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken ct)
    {
        var number = Page<T>.ClampNumber(page);
        var pageSize = Page<T>.ClampSize(size);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<T>(items, number, pageSize, total);
    }
}
