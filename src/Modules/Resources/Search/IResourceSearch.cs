namespace EduCloud.Resources.Search;

/// <summary>
/// The search over published resources. The resource features tell it what was published or taken down
/// (<see cref="Upsert"/>, <see cref="Remove"/>); the search page and API ask it (<see cref="Search"/>).
/// Implementations are thread-safe singletons; the documents are rebuilt from the database at start.
/// </summary>
internal interface IResourceSearch
{
    void Upsert(SearchDocument document);

    void Remove(Guid resourceId);

    SearchResult Search(SearchQuery query);
}

/// <summary>
/// What search knows of one published resource. Codes are the catalogue's and CELTS-41's codes; the names of the
/// catalogue path (stage, subject, edition, volume, chapter, section) are searchable text too, so typing a
/// chapter's name finds that chapter's resources.
/// </summary>
internal sealed record SearchDocument(
    Guid ResourceId,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> CataloguePathNames,
    IReadOnlyList<Guid> CatalogueNodeIds,
    string StageCode,
    string SubjectCode,
    string? GradeCode,
    string TypeCode,
    string Format,
    string LanguageCode,
    string LicenceCode,
    string KindCode,
    long PriceCents,
    Guid? OnlyForSchoolId,
    DateTimeOffset PublishedAt,
    long UseCount,
    double RatingAverage,
    int RatingCount);

internal enum SearchSort { Relevance, Newest, MostUsed, BestRated }

/// <summary>
/// One search. <see cref="Text"/> may be empty (browse by filters). <see cref="Filters"/> maps a facet name
/// (stage, subject, grade, type, format, language, licence, kind, node) to the accepted codes. School-based
/// resources are found only by callers at that school (<see cref="CallerSchoolIds"/>).
/// </summary>
internal sealed record SearchQuery(
    string? Text,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    SearchSort Sort,
    int Page,
    int Size,
    IReadOnlyCollection<Guid> CallerSchoolIds);

internal sealed record SearchHit(Guid ResourceId, double Score);

internal sealed record FacetCount(string Code, long Count);

internal sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);
