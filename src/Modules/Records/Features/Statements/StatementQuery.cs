using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Records.Features.Statements;

/// <summary>A parsed statement query; also the content of a `more` token (base64url JSON), so a page continues exactly.</summary>
/// <param name="AuthorityOf">The writer whose authority <paramref name="Agent"/> is, if it is one of ours: with related_agents,
/// that writer's statements match too (their authority is not a link, ADR 0043).</param>
internal sealed record StatementQuery(string? Agent, string? Verb, string? Activity, Guid? Registration, bool RelatedAgents, bool RelatedActivities,
    long? Since, long Until, int Limit, string Format, bool Attachments, bool Ascending, long? After, Guid? AuthorityOf = null)
{
    public static (StatementQuery? Query, string? Error) Parse(IQueryCollection q, long snapshotMicros, int maxPage, string homePage)
    {
        string? agentKey = null;
        if (q["agent"].ToString() is { Length: > 0 } agentJson)
        {
            JsonNode? agent;
            try { agent = JsonNode.Parse(agentJson); } catch (JsonException) { return (null, "agent: must be an Agent or Group JSON object"); }
            var rules = new StatementRules();
            AgentRules.ActorOrGroup(rules, JsonSerializer.SerializeToElement(agent), "agent");
            if (rules.Errors.Count > 0 || StatementShape.IfiKey(agent) is not { } key) { return (null, rules.Errors.FirstOrDefault() ?? "agent: must carry an identifier"); }
            agentKey = key;
        }
        var verb = q["verb"].ToString();
        if (verb.Length > 0 && !Grammar.IsIri(verb)) { return (null, "verb: must be an IRI"); }
        var activity = q["activity"].ToString();
        if (activity.Length > 0 && !Grammar.IsIri(activity)) { return (null, "activity: must be an IRI"); }
        Guid? registration = null;
        if (q["registration"].ToString() is { Length: > 0 } reg)
        {
            if (!Grammar.IsUuid(reg)) { return (null, "registration: must be a UUID"); }
            registration = Guid.Parse(reg);
        }
        long? since = null;
        long until = snapshotMicros;
        if (q["since"].ToString() is { Length: > 0 } sinceText)
        {
            if (!Grammar.TryTimestamp(sinceText, out var s)) { return (null, "since: must be an ISO 8601 timestamp"); }
            since = Grammar.Micros(s);
        }
        if (q["until"].ToString() is { Length: > 0 } untilText)
        {
            if (!Grammar.TryTimestamp(untilText, out var u)) { return (null, "until: must be an ISO 8601 timestamp"); }
            until = Math.Min(until, Grammar.Micros(u));
        }
        var limit = maxPage;
        if (q["limit"].ToString() is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, out limit) || limit < 0) { return (null, "limit: must be a non-negative integer"); }
            limit = limit == 0 ? maxPage : Math.Min(limit, maxPage);
        }
        bool Flag(string name) => bool.TryParse(q[name].ToString(), out var v) && v;
        foreach (var flag in new[] { "related_agents", "related_activities" })
        {
            if (q[flag].ToString() is { Length: > 0 } t && !bool.TryParse(t, out _)) { return (null, $"{flag}: must be true or false"); }
        }
        var format = q["format"].ToString() is { Length: > 0 } f ? f : "exact";
        return (new StatementQuery(agentKey, verb.Length > 0 ? verb : null, activity.Length > 0 ? activity : null, registration, Flag("related_agents"),
            Flag("related_activities"), since, until, limit, format, Flag("attachments"), Flag("ascending"), null,
            agentKey is null ? null : XapiHttp.WriterWithAuthority(agentKey, homePage)), null);
    }

    private bool HasFilters => Agent is not null || Verb is not null || Activity is not null || Registration is not null;

    /// <summary>
    /// The page's statements: those matching the filters, and (Communication 2.1.3, "Filter Conditions for
    /// StatementRefs") those whose object is a StatementRef to a statement that matches, recursively. Time and
    /// sequence (since, until, the more cursor) apply to the statement returned, never to the one it targets.
    /// </summary>
    /// <remarks>
    /// The links hold only a hash of each agent's and activity's key (ADR 0040), so the caller keeps a statement of the
    /// page only if it is in <c>Targeting</c> or <see cref="Carries"/> the filters' agent and activity itself.
    /// </remarks>
    public async Task<(IQueryable<StoredStatement> Query, HashSet<Guid> Targeting)> ApplyAsync(RecordsDbContext db, CancellationToken ct)
    {
        // `Voided = @no`, not `NOT Voided`: SQLite walks (Voided, Stored) in order only for an equality on Voided;
        // with NOT it skip-scanned both values and sorted the whole window (the since query over months).
        var no = false;
        var window = db.Statements.AsNoTracking().Where(s => s.Voided == no && s.Stored <= Until);
        if (Since is { } since) { window = window.Where(s => s.Stored > since); }
        if (After is { } after)
        {
            window = Ascending ? window.Where(s => s.Stored > after) : window.Where(s => s.Stored < after);
        }
        var (query, drive) = Matching(window, db, inWindow: true);
        var targeting = HasFilters ? await TargetingAsync(db, ct) : [];
        var ordered = Ordered(query, drive, window, targeting);
        if (RelatedAgents && AuthorityOf is { } writer)
        {
            // The writer's own statements (their authority is the agent; it is not a link, ADR 0043) as a second branch,
            // each branch ordered and cut to the page by itself: as one join over a union of link rows and statements,
            // PostgreSQL hash-joined all of a busy writer's statements (34 s at 10M). Statements stored before ADR 0043
            // still have an authority link, so a statement can come from both branches: GetStatements keeps one.
            var written = query.Where(s => s.WrittenBy == writer);
            var page = Limit + 1;
            ordered = Ascending
                ? ordered.Take(page).Concat(written.OrderBy(s => s.Stored).Take(page)).OrderBy(s => s.Stored)
                : ordered.Take(page).Concat(written.OrderByDescending(s => s.Stored).Take(page)).OrderByDescending(s => s.Stored);
        }
        return (ordered, targeting);
    }

    private IQueryable<StoredStatement> Ordered(IQueryable<StoredStatement> query, IQueryable<StatementLink>? drive, IQueryable<StoredStatement> window, HashSet<Guid> targeting)
    {
        if (drive is not null && targeting.Count == 0)
        {
            // Ordered by the link's own Stored (equal to the statement's): both databases then walk the link index
            // newest first and stop at the page; ordered by the statement's column, SQLite sorted all of them.
            var driven = from l in drive
                         join s in query on new { Id = l.StatementId, l.Stored } equals new { s.Id, s.Stored }
                         select new { l.Stored, Statement = s };
            return (Ascending ? driven.OrderBy(x => x.Stored) : driven.OrderByDescending(x => x.Stored)).Select(x => x.Statement);
        }
        if (drive is not null) { query = Linked(query, drive); }
        if (targeting.Count > 0)
        {
            query = query.Union(window.Where(s => targeting.Contains(s.Id)));
        }
        return Ascending ? query.OrderBy(s => s.Stored) : query.OrderByDescending(s => s.Stored);
    }

    /// <summary>
    /// Whether the statement itself names the filters' agent and activity (as actor or object, or anywhere with
    /// related_agents / related_activities): the exact check behind the links' 8-byte key hash. The links of a
    /// statement are the same function of its stored JSON that the writers used (<see cref="StatementShape.Links"/>).
    /// </summary>
    public bool Carries(JsonObject statement)
    {
        if (Agent is null && Activity is null) { return true; }
        var links = StatementShape.Links(statement);
        bool Has(LinkKind kind, string key, bool related) => links.Exists(l => l.Kind == kind && l.Key == key && (related || l.Primary));
        return (Agent is null || Has(LinkKind.Agent, Agent, RelatedAgents)) && (Activity is null || Has(LinkKind.Activity, Activity, RelatedActivities));
    }

    /// <summary>The non-time filters. The targets of StatementRefs are matched through this too, voided ones included:
    /// voiding is not a filter condition, and a voiding statement is how a client learns its match was withdrawn.
    /// The last link filter (agent, or related activity) is returned as <c>Drive</c> rather than joined, for the
    /// caller to walk in order; any other is joined.</summary>
    private (IQueryable<StoredStatement> Query, IQueryable<StatementLink>? Drive) Matching(IQueryable<StoredStatement> query, RecordsDbContext db, bool inWindow = false)
    {
        // The window again on the links (their Stored is the statement's), so the link index scan starts and stops there.
        IQueryable<StatementLink> Window(IQueryable<StatementLink> links)
        {
            if (!inWindow) { return links; }
            links = links.Where(l => l.Stored <= Until);
            if (Since is { } since) { links = links.Where(l => l.Stored > since); }
            if (After is { } after) { links = Ascending ? links.Where(l => l.Stored > after) : links.Where(l => l.Stored < after); }
            return links;
        }
        // The verb on the link is a hash (a pre-filter, null on old SQLite rows): the statement's own verb decides.
        int? verbHash = Verb is null ? null : VerbHash.Of(Verb);
        // The link's key is a hash too: a colliding key's links pass here, and Carries drops their statements.
        IQueryable<StatementLink> Links(LinkKind kind, string key, bool related)
        {
            var keyHash = KeyHash.Of(kind, key);
            var links = db.Links.Where(l => l.KeyHash == keyHash);
            if (!related) { links = links.Where(l => l.Primary); }
            if (verbHash is not null) { links = links.Where(l => l.VerbHash == verbHash || l.VerbHash == null); }
            return Window(links);
        }
        IQueryable<StatementLink>? drive = null;
        if (Verb is not null)
        {
            // The hash leads the verb index; the IRI decides (a collision costs a fetch of a statement read anyway).
            var hash = verbHash!.Value;
            query = query.Where(s => s.VerbHash == hash && s.VerbId == Verb);
        }
        if (Registration is not null) { query = query.Where(s => s.Registration == Registration); }
        // The plain activity filter (the object is this activity) is the activity's primary link: an object Activity
        // is the only primary activity link, and it has no index of its own on the statement any more.
        if (Activity is not null) { drive = Links(LinkKind.Activity, Activity, RelatedActivities); }
        if (Agent is not null)
        {
            if (drive is not null) { query = Linked(query, drive); }
            drive = Links(LinkKind.Agent, Agent, RelatedAgents);
        }
        return (query, drive);
    }

    private IQueryable<StoredStatement> MatchingJoined(IQueryable<StoredStatement> query, RecordsDbContext db)
    {
        var (matching, drive) = Matching(query, db);
        return drive is null ? matching : Linked(matching, drive);
    }

    /// <summary>
    /// The statements with one of <paramref name="links"/>, as a join on (Id, Stored) rather than EXISTS: the link
    /// carries its statement's Stored, so the database can walk the link index newest first and stop at the page's
    /// limit. EXISTS made it fetch every statement of the agent (200 per learner at 10M) and sort them. A statement
    /// has one link per (kind, key) since the store at 10M; older duplicate rows are dropped from the page in memory.
    /// </summary>
    private static IQueryable<StoredStatement> Linked(IQueryable<StoredStatement> query, IQueryable<StatementLink> links) =>
        from s in query
        join l in links on new { s.Id, s.Stored } equals new { Id = l.StatementId, l.Stored }
        select s;

    /// <summary>
    /// Ids of statements that target a matching statement, directly or through a chain of StatementRefs. Statements
    /// with a StatementRef object are few (mostly voiding), and TargetId is indexed, so each step is a small read;
    /// the visited set ends cycles (a StatementRef may name an id stored later, so a chain can loop).
    /// </summary>
    private async Task<HashSet<Guid>> TargetingAsync(RecordsDbContext db, CancellationToken ct)
    {
        const int MaxDepth = 10;
        async Task<List<(Guid Id, Guid Target)>> TargetsOf(IQueryable<Guid> matching) =>
            (await db.Statements.AsNoTracking().Where(s => s.TargetId != null && s.Stored <= Until && matching.Contains(s.TargetId.Value))
                .Select(s => new { s.Id, Target = s.TargetId!.Value }).ToListAsync(ct)).Select(s => (s.Id, s.Target)).ToList();
        var first = await TargetsOf(MatchingJoined(db.Statements.AsNoTracking(), db).Select(t => t.Id));
        if (RelatedAgents && AuthorityOf is { } writer)
        {
            // As in ApplyAsync: the writer's statements are a second look-up, not a union inside one plan.
            var written = Matching(db.Statements.AsNoTracking(), db).Query.Where(s => s.WrittenBy == writer).Select(s => s.Id);
            first = first.Concat(await TargetsOf(written)).Distinct().ToList();
        }
        if (first.Count > 0 && (Agent is not null || Activity is not null))
        {
            // The targets matched through the links' key hash: each must carry the agent/activity itself (few rows).
            var targets = first.Select(f => f.Target).Distinct().ToList();
            var carrying = (await db.Statements.AsNoTracking().Where(s => targets.Contains(s.Id)).Select(s => new { s.Id, s.Json }).ToListAsync(ct))
                .Where(t => Carries(StatementShape.Parse(t.Json))).Select(t => t.Id).ToHashSet();
            first = first.Where(f => carrying.Contains(f.Target)).ToList();
        }
        var found = first.Select(f => f.Id).ToList();
        var all = new HashSet<Guid>(found);
        for (var depth = 1; depth < MaxDepth && found.Count > 0; depth++)
        {
            var previous = found;
            found = (await db.Statements.AsNoTracking().Where(s => s.TargetId != null && s.Stored <= Until && previous.Contains(s.TargetId.Value))
                .Select(s => s.Id).ToListAsync(ct)).Where(all.Add).ToList();
        }
        return all;
    }

    public string ToToken() => Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this, StatementShape.Options));

    public static StatementQuery? FromToken(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<StatementQuery>(Base64UrlDecode(token), StatementShape.Options);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
