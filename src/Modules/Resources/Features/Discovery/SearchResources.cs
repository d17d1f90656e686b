using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Resources;
using EduCloud.Resources.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Discovery;

public sealed record SearchHitDto(Guid Id, string Title, string TypeCode, string TypeName, string Format, string ProviderName, string KindName, long PriceCents,
    IReadOnlyList<string> CataloguePath, double RatingAverage, int RatingCount, long UseCount, DateTime? PublishedAt, double Score);

public sealed record FacetValueDto(string Code, string Name, long Count);

public sealed record SearchResponse(long Total, int Page, int Size, string Sort, IReadOnlyList<SearchHitDto> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>> Facets);

/// <summary>What the search page and API send: text, facet filters (facet name → codes), sort, paging.</summary>
public sealed record SearchRequest(string? Q, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters, string? Sort, int Page = 1, int Size = 20);

/// <summary>
/// 资源检索: the bigram index (IResourceSearch) answers ids, scores and facets; the page of hits is then read from
/// the tables for display. School-based resources reach only callers at their school: the index drops documents
/// whose school is not among the caller's schools (CallerSchoolIds), the same schools ResourceAccess uses.
/// </summary>
internal static class SearchResources
{
    public const int MaxSize = 50;
    private static readonly string[] FilterNames = [.. Facets.Names, Facets.Node];

    public static async Task<SearchResponse> HandleAsync(ResourcesDbContext db, IOrganizationDirectory directory, IResourceSearch search, SearchRequest request, CancellationToken ct)
    {
        var problems = new Problems()
            .MaxLength(request.Q, 100, "q", "检索词")
            .Check(request.Page is >= 1 and <= 500, "page", "页码应在 1 到 500 之间")
            .Check(request.Size is >= 1 and <= MaxSize, "size", $"每页条数应在 1 到 {MaxSize} 之间");
        var sort = ParseSort(request.Sort);
        problems.Check(sort is not null, "sort", "排序方式应为 relevance（相关度）、newest（最新）、mostused（最常用）或 bestrated（评分最高）");
        foreach (var (name, codes) in request.Filters)
        {
            problems.Check(FilterNames.Contains(name), name, "未知的筛选条件");
            if (name == Facets.Node)
            {
                problems.Check(codes.All(c => Guid.TryParse(c, out _)), name, "教材目录节点编号无效");
            }
        }
        problems.ThrowIfAny();
        var schools = await ResourceAccess.CallerSchoolsAsync(db.Actor, directory, ct);
        var result = search.Search(new SearchQuery(request.Q?.Trim(), request.Filters, sort!.Value, request.Page, request.Size, schools));
        var ids = result.Hits.Select(h => h.ResourceId).ToList();
        var rows = await (from r in db.Resources.AsNoTracking()
                          join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id
                          where ids.Contains(r.Id)
                          select new { r, v }).ToDictionaryAsync(x => x.r.Id, ct);
        var hits = result.Hits.Where(h => rows.ContainsKey(h.ResourceId)).Select(h =>
        {
            var (r, v) = (rows[h.ResourceId].r, rows[h.ResourceId].v);
            return new SearchHitDto(r.Id, v.Title, v.TypeCode, ResourceCodes.NameOf(ResourceCodes.Types, v.TypeCode), v.Format, r.ProviderName,
                ResourceCodes.KindName(r.Kind), r.PriceCents, v.CataloguePath, Math.Round(r.RatingAverage, 1), r.RatingCount, r.UseCount, r.PublishedAt, h.Score);
        }).ToList();
        var facets = result.Facets.ToDictionary(f => f.Key,
            f => (IReadOnlyList<FacetValueDto>)f.Value.Select(c => new FacetValueDto(c.Code, FacetName(f.Key, c.Code), c.Count)).ToList());
        return new SearchResponse(result.Total, request.Page, request.Size, sort.Value.ToString(), hits, facets);
    }

    public static SearchSort? ParseSort(string? sort) => (sort ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        "mostused" or "most_used" => SearchSort.MostUsed,
        "bestrated" or "best_rated" => SearchSort.BestRated,
        _ => null,
    };

    public static string FacetName(string facet, string code) => facet switch
    {
        Facets.Stage => ResourceCodes.NameOf(ResourceCodes.Stages, code),
        Facets.Subject => ResourceCodes.NameOf(ResourceCodes.Subjects, code),
        Facets.Grade => ResourceCodes.NameOf(ResourceCodes.Grades, code),
        Facets.Type => ResourceCodes.NameOf(ResourceCodes.Types, code),
        Facets.Language => ResourceCodes.NameOf(ResourceCodes.Languages, code),
        Facets.Licence => ResourceCodes.NameOf(ResourceCodes.Licences, code),
        Facets.Kind => code switch { "basic" => "基础性资源", "personalised" => "个性化资源", "school" => "校本资源", _ => code },
        Facets.Format => code.ToUpperInvariant(),
        _ => code,
    };

    /// <summary>Reads q, sort, page, size and every facet filter (repeated or comma-separated) from a query string.</summary>
    public static SearchRequest FromQuery(IQueryCollection query)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (key, values) in query)
        {
            if (key is "q" or "sort" or "page" or "size")
            {
                continue;
            }
            var codes = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (codes.Count > 0)
            {
                filters[key] = codes;
            }
        }
        return new SearchRequest(query["q"].FirstOrDefault(), filters, query["sort"].FirstOrDefault(),
            int.TryParse(query["page"].FirstOrDefault(), out var page) ? page : 1,
            int.TryParse(query["size"].FirstOrDefault(), out var size) ? size : 20);
    }

    public static async Task<Ok<SearchResponse>> EndpointAsync(ResourcesDbContext db, IOrganizationDirectory directory, IResourceSearch search, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, directory, search, FromQuery(http.Request.Query), ct));
}
