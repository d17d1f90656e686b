using EduCloud.Kernel.Scope;

namespace EduCloud.Resources.Domain;

/// <summary>
/// 资源: what a provider offers, across its versions. Not a scoped row: a published resource is for every school in
/// the country, while the region columns say where it is reviewed (the uploader's province, city or county, see
/// ReviewAccess). Who may see an unpublished version is decided by ResourceAccess, the only place that reads them.
/// </summary>
internal sealed class Resource : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public string OwnerName { get; set; } = "";
    /// <summary>提供者: the enterprise or school shown as the resource's provider.</summary>
    public string ProviderName { get; set; } = "";
    public ResourceKind Kind { get; set; }
    /// <summary>In integer cents (分); 0 for basic and school-based resources.</summary>
    public long PriceCents { get; set; }
    /// <summary>授权期限 of a priced resource: a school's licence lasts this many years; null = 永久 (perpetual).</summary>
    public int? LicenceYears { get; set; }
    /// <summary>For 校本资源: the only school that finds and uses it.</summary>
    public Guid? SchoolId { get; set; }

    /// <summary>The review node: reviewers whose region contains it review the resource.</summary>
    public string ProvinceCode { get; set; } = "";
    public string? CityCode { get; set; }
    public string? CountyCode { get; set; }

    /// <summary>The version the public sees, if any (set on publication, cleared on takedown).</summary>
    public Guid? PublishedVersionId { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int LatestVersionNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public long DownloadCount { get; set; }
    /// <summary>Opens and downloads together ("most used"); counters are bumped in SQL, never through a tracked row.</summary>
    public long UseCount { get; set; }
    /// <summary>Sum and number of the 1-5 star ratings, recomputed from res_rating on every rating.</summary>
    public long RatingSum { get; set; }
    public int RatingCount { get; set; }

    public double RatingAverage => RatingCount == 0 ? 0 : (double)RatingSum / RatingCount;

    public ScopeKey ReviewKey => new(ProvinceCode, CityCode ?? "", CountyCode ?? "", null, null);
}

/// <summary>
/// 资源版本: one submitted state of a resource, with its metadata, its file and its own review status and event log.
/// Versions are never edited after submission; a rejected or published resource gets a new version.
/// </summary>
internal sealed class ResourceVersion : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResourceId { get; set; }
    public int Number { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    /// <summary>知识点.</summary>
    public List<string> KnowledgePoints { get; set; } = [];
    public string TypeCode { get; set; } = "";
    public string LanguageCode { get; set; } = "zh";
    public string LicenceCode { get; set; } = "";

    public Guid CatalogueNodeId { get; set; }
    public string StageCode { get; set; } = "";
    public string SubjectCode { get; set; } = "";
    public string? GradeCode { get; set; }
    /// <summary>The names from stage down to the chosen node, as shown and searched ("初中 / 语文 / 统编版 / 七年级上册 / 第一单元 / 春").</summary>
    public List<string> CataloguePath { get; set; } = [];
    public List<Guid> CatalogueNodeIds { get; set; } = [];

    /// <summary>The file: a content-addressed blob (SHA-256, lower-case hex).</summary>
    public string BlobSha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The format from the file's content (pdf, docx, mp4, ...).</summary>
    public string Format { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    /// <summary>Playing time of audio and video, as declared by the provider.</summary>
    public int? DurationSeconds { get; set; }

    public DateTime CreatedAt { get; set; }
    public Guid? FirstReviewerId { get; set; }
    /// <summary>The latest reviewer's reason or comment, shown to the provider.</summary>
    public string? LastComment { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>Optimistic concurrency: two reviewers deciding one version cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>One step in a version's life: who took which transition, when, and why. Never edited.</summary>
internal sealed class VersionEvent : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VersionId { get; set; }
    public Guid ResourceId { get; set; }
    /// <summary>The version's revision after this event: orders the log (events of one save share a timestamp).</summary>
    public int Step { get; set; }
    public ReviewTrigger Trigger { get; set; }
    public ReviewStatus From { get; set; }
    public ReviewStatus To { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// 使用授权: the right of a school (or one account) to use a priced resource. Written by the orders of the
/// licensing work (issue 4 §6); downloads check it now.
/// </summary>
internal sealed class Entitlement : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ResourceId { get; set; }
    public Guid? SchoolId { get; set; }
    public Guid? AccountId { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    /// <summary>Set when the order behind it is refunded: a revoked entitlement allows nothing.</summary>
    public DateTime? RevokedAt { get; set; }
    public string Source { get; set; } = "";
}
