using EduCloud.Kernel.Scope;

namespace EduCloud.Resources.Domain;

/// <summary>
/// 学校资源经费: what one school may spend on licences in one budget year, in integer cents (分). A scoped row at the
/// school, so the scope filter shows it to the school and its bureaus, and only they may change it. Spending and
/// allocation both bump Version (a concurrency token): two orders placed at once cannot both spend the last yuan.
/// </summary>
internal sealed class SchoolBudget : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public long AllocatedCents { get; set; }
    public long SpentCents { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }

    public long BalanceCents => AllocatedCents - SpentCents;
}

/// <summary>One allocation of a school's budget (the new total, and who set it why). Never edited.</summary>
internal sealed class BudgetAllocation : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; set; }
    public int Year { get; set; }
    public long PreviousCents { get; set; }
    public long AllocatedCents { get; set; }
    public Guid? ById { get; set; }
    public string ByName { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime At { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

/// <summary>
/// 订单: a school's purchase of a licence for a priced resource. A scoped row at the buying school; the provider
/// reads its own orders by ProviderId (ListProviderRevenue), never through the school's scope. Never edited.
/// </summary>
internal sealed class ResourceOrder : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>订单号 shown to people: yyyyMMdd + 8 hex digits.</summary>
    public string Number { get; set; } = "";
    public Guid ResourceId { get; set; }
    public string ResourceTitle { get; set; } = "";
    /// <summary>The resource's owner, who is paid.</summary>
    public Guid ProviderId { get; set; }
    public string ProviderName { get; set; } = "";
    public string SchoolName { get; set; } = "";
    public int BudgetYear { get; set; }
    public long AmountCents { get; set; }
    /// <summary>Licence term in years; null = 永久授权.</summary>
    public int? LicenceYears { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public Guid EntitlementId { get; set; }
    /// <summary>续订: bought before the school's licence ran out, so the new term starts where the old one ends.</summary>
    public bool IsRenewal { get; set; }
    public Guid? BuyerId { get; set; }
    public string BuyerName { get; set; } = "";
    public DateTime PlacedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

/// <summary>
/// 退款: a school takes back an order within <c>RefundOrder.Window</c>. A row of its own (the order stays as placed):
/// the budget of the order's year is credited, the entitlement revoked and the provider's revenue reduced in the
/// month of the refund, all in one transaction. One refund per order (unique OrderId).
/// </summary>
internal sealed class OrderRefund : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrderId { get; set; }
    public Guid ResourceId { get; set; }
    public Guid ProviderId { get; set; }
    public int BudgetYear { get; set; }
    public long AmountCents { get; set; }
    public string Reason { get; set; } = "";
    public Guid? ById { get; set; }
    public string ByName { get; set; } = "";
    public DateTime RefundedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

/// <summary>
/// The OAI-PMH view of a resource: its datestamp (seconds, UTC) and whether it is deleted (taken down: a persistent
/// tombstone). Written in the same transaction as the publication or takedown that changes it; the stage and subject
/// are kept here so a tombstone still belongs to its sets.
/// </summary>
internal sealed class OaiRecord
{
    public Guid ResourceId { get; set; }
    /// <summary>The resource id as 32 lower-case hex digits: the tie-breaker of the harvest order, compared as text
    /// because the two databases order uuids differently from each other and from .NET.</summary>
    public string SortKey { get; set; } = "";
    public DateTime Datestamp { get; set; }
    public bool Deleted { get; set; }
    public string StageCode { get; set; } = "";
    public string SubjectCode { get; set; } = "";
}
