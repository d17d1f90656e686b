using EduCloud.Kernel.Scope;

namespace EduCloud.Records.Domain;

/// <summary>
/// One xAPI statement as stored: the statement's JSON exactly as the LRS returns it (with stored, authority and
/// version set), plus the columns queries filter on. Statements are a stream of facts written at high rates,
/// so the row is derived (read-filtered, not guarded or audited per row): who may write is decided by the
/// statement handlers, and the person the statement is about decides who may read it (IOwnedByPerson + place).
/// </summary>
internal sealed class StoredStatement : IDerivedRow, IOwnedByPerson
{
    public Guid Id { get; set; }
    /// <summary>Microseconds since the Unix epoch: the order of the statement stream and the cursor of `more` links.</summary>
    public long Stored { get; set; }
    public string VerbId { get; set; } = "";
    /// <summary>
    /// <see cref="Json.VerbHash.Of"/> of <see cref="VerbId"/>: the verb index's key (4 bytes instead of the IRI; ADR 0040).
    /// The verb filter compares VerbId too, so a collision costs a fetch, never a wrong row.
    /// </summary>
    public int VerbHash { get; set; }
    /// <summary>The actor's inverse functional identifier as one key (see <see cref="Json.Ifi"/>).</summary>
    public string ActorKey { get; set; } = "";
    public string? ActivityId { get; set; }
    public Guid? Registration { get; set; }
    /// <summary>The statement this one targets (object StatementRef), for voiding.</summary>
    public Guid? TargetId { get; set; }
    public bool IsVoiding { get; set; }
    public bool Voided { get; set; }
    /// <summary>SHA-256 of the canonical form of the statement as submitted: same id + same hash = the same statement.</summary>
    public string SubmittedHash { get; set; } = "";
    public string Json
    {
        get => _text ??= JsonUtf8 is { } utf8 ? System.Text.Encoding.UTF8.GetString(utf8) : "";
        set => (_text, JsonUtf8) = (value, null);
    }

    // Not named _json: EF would take a field of that name as the backing field and bypass the accessors.
    private string? _text;

    /// <summary>
    /// The JSON as UTF-8, as the batch path wrote it (not a column of its own: it is <see cref="Json"/>). The binary
    /// COPY sends these bytes as they are; the string is made only if something reads <see cref="Json"/> (SQLite's
    /// insert, tests). A batch's statements as strings were twice their UTF-8 size in memory and were encoded back to
    /// UTF-8 for the COPY (docs/benchmarks.md, "Session 13").
    /// </summary>
    internal byte[]? JsonUtf8 { get; private set; }

    internal void SetJson(byte[] utf8) => (_text, JsonUtf8) = (null, utf8);

    /// <summary>The authenticated writer (account or LRS client) that stored it.</summary>
    public Guid WrittenBy { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    /// <summary>The learner's account when the actor is one of ours, else the writer: they always see the statement.</summary>
    public Guid PersonId { get; set; }
}

/// <summary>
/// An agent or activity a statement mentions, for the agent/activity filters. Primary = actor or object (the
/// plain filters); the others (context, authority, instructor, team, sub-statement) count for related_agents
/// and related_activities only. No key of its own: links are read only through the (KeyHash, Stored, ...) index, and
/// a surrogate key cost every link an 8-byte column and a primary-key index entry. One link per (kind, key) and statement.
/// The kind and key themselves are not stored (ADR 0040): only their 8-byte hash, and the filters re-check each
/// returned statement's own agents and activities, so the link table and its index carry no text.
/// </summary>
internal sealed class StatementLink
{
    public Guid StatementId { get; set; }
    /// <summary>Not a column: what <see cref="KeyHash"/> was computed from (the writers' input, tests).</summary>
    public LinkKind Kind { get; set; }
    /// <summary>Not a column: see <see cref="Kind"/>.</summary>
    public string Key { get; set; } = "";
    /// <summary><see cref="Json.KeyHash.Of(LinkKind, string)"/> of <see cref="Kind"/> and <see cref="Key"/>.</summary>
    public long KeyHash { get; set; }
    public bool Primary { get; set; }
    public long Stored { get; set; }
    /// <summary>
    /// <see cref="Json.VerbHash.Of"/> of the statement's verb, so the agent/activity + verb filters skip other verbs in
    /// the link index instead of fetching each statement to read its verb. Only a pre-filter: the statement's own
    /// VerbId is compared too, so a collision costs a fetch, never a wrong row. Null on rows stored before the column
    /// existed on SQLite (the migration fills it on PostgreSQL); the filters let null through.
    /// </summary>
    public int? VerbHash { get; set; }

    public static StatementLink Of(Guid statementId, LinkKind kind, string key, bool primary, long stored, int verbHash) => new()
    {
        StatementId = statementId, Kind = kind, Key = key, KeyHash = Json.KeyHash.Of(kind, key), Primary = primary, Stored = stored, VerbHash = verbHash,
    };
}

internal enum LinkKind
{
    Agent = 1,
    Activity = 2,
}

/// <summary>An attachment's content, stored once per SHA-2 hash whatever number of statements carry it.</summary>
internal sealed class StoredAttachment
{
    public string Sha2 { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>The latest definition the LRS has seen of an activity, for GET /xapi/activities.</summary>
internal sealed class KnownActivity
{
    public string Id { get; set; } = "";
    public string Json { get; set; } = "";
}
