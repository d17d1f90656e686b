using EduCloud.Kernel.Scope;

namespace EduCloud.Records.Domain;

/// <summary>
/// A State, Activity Profile or Agent Profile document. The key is (Kind, ActivityId, AgentKey, Registration,
/// DocumentId) with "" for the parts a kind does not use, so one unique index serves all three resources.
/// </summary>
internal sealed class LrsDocument : IDerivedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DocumentKind Kind { get; set; }
    public string ActivityId { get; set; } = "";
    public string AgentKey { get; set; } = "";
    public string Registration { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>SHA-1 of the content, hex: the ETag the spec asks for.</summary>
    public string ETag { get; set; } = "";
    public DateTime Updated { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    public Guid PersonId { get; set; }
}

internal enum DocumentKind
{
    State = 1,
    ActivityProfile = 2,
    AgentProfile = 3,
}

/// <summary>
/// Credentials for an outside tool (HTTP Basic, key:secret). Issued by a person, the client acts within that
/// person's scope; its statements' authority is the client itself.
/// </summary>
internal sealed class LrsClient : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Key { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid IssuedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
