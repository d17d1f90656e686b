using EduCloud.Kernel.Data;
using EduCloud.Kernel.Paging;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Organization.Features.Schools;

/// <summary>Lists the schools the caller can see, optionally within one region, paged and ordered by code.</summary>
internal static class ListSchools
{
    public sealed record Query(string? Region, string? Q, bool IncludeRetired, int? Page, int? Size);

    public static async Task<Page<SchoolDto>> HandleAsync(OrganizationDbContext db, Query query, CancellationToken ct)
    {
        var schools = db.Schools.AsNoTracking();
        if (!string.IsNullOrEmpty(query.Region))
        {
            var region = query.Region;
            schools = region.EndsWith("0000", StringComparison.Ordinal) ? schools.Where(s => s.ProvinceCode == region)
                : region.EndsWith("00", StringComparison.Ordinal) ? schools.Where(s => s.CityCode == region)
                : schools.Where(s => s.CountyCode == region);
        }
        if (!query.IncludeRetired)
        {
            schools = schools.Where(s => s.RetiredAt == null);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            schools = schools.Where(s => s.Name.Contains(q) || s.Code.StartsWith(q));
        }
        // Among active schools RetiredAt is always null, so ordering by it changes nothing, but it lets
        // PostgreSQL walk the (region, RetiredAt, Code) index in order and stop after one page instead of
        // sorting the whole region (it does not treat IS NULL as an equality when matching an index's order).
        var ordered = query.IncludeRetired ? schools.OrderBy(s => s.Code) : schools.OrderBy(s => s.RetiredAt).ThenBy(s => s.Code);
        var page = await ordered.ToPageAsync(query.Page, query.Size, ct);
        return new Page<SchoolDto>(page.Items.Select(s => s.ToDto()).ToList(), page.PageNumber, page.PageSize, page.Total);
    }

    /// <summary>
    /// Without a name search the page is read by <see cref="ReadSchoolPage"/> (a data reader under the same scope
    /// rule, ADR 0014): the API's hot path. A name search, and the pages, go through EF here. Either page is written
    /// by <see cref="WriteSchoolPage"/>.
    /// </summary>
    public static async Task<WriteSchoolPage> EndpointAsync(HttpContext http, DirectReads reads, SchoolTotals totals, ICurrentActor actor, string? region, string? q, bool? includeRetired, int? page, int? size, CancellationToken ct)
    {
        var query = new Query(region, q, includeRetired ?? false, page, size);
        return new WriteSchoolPage(string.IsNullOrWhiteSpace(q)
            ? await ReadSchoolPage.HandleAsync(reads, totals, actor.Scope, query, ct)
            : await HandleAsync(http.RequestServices.GetRequiredService<OrganizationDbContext>(), query, ct));
    }
}
