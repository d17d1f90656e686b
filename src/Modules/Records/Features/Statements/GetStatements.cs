using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// GET /xapi/statements (Communication 2.1.3): one statement by statementId or voidedStatementId, or a page of
/// the stream filtered by agent, verb, activity, registration, since, until, newest first unless ascending, with
/// a `more` link that continues from the last statement returned and never past the first page's snapshot.
/// Only statements the caller's scope covers are visible (a student: their own).
/// </summary>
internal static class GetStatements
{
    private static readonly HashSet<string> Parameters = ["statementId", "voidedStatementId", "agent", "verb", "activity", "registration", "related_activities",
        "related_agents", "since", "until", "limit", "format", "attachments", "ascending", "more"];

    public static async Task<IResult> HandleAsync(HttpContext http, RecordsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var q = http.Request.Query;
        if (q.Keys.FirstOrDefault(k => !Parameters.Contains(k)) is { } unknown)
        {
            return XapiHttp.Bad($"{unknown}: not a parameter of the statements resource");
        }
        var now = clock.GetUtcNow();
        http.Response.Headers["X-Experience-API-Consistent-Through"] = Grammar.Format(now);
        var format = q["format"].ToString() is { Length: > 0 } f ? f : "exact";
        if (format is not ("exact" or "ids" or "canonical")) { return XapiHttp.Bad("format: must be ids, exact or canonical"); }
        if (!TryBool(q, "attachments", out var withAttachments) || !TryBool(q, "ascending", out var ascending))
        {
            return XapiHttp.Bad("attachments/ascending: must be true or false");
        }
        var languages = http.Request.Headers.AcceptLanguage.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(';')[0]).Where(l => l != "*").ToList();

        if (q.ContainsKey("statementId") || q.ContainsKey("voidedStatementId"))
        {
            return await SingleAsync(http, db, format, withAttachments, languages, ct);
        }

        StatementQuery query;
        if (q["more"].ToString() is { Length: > 0 } more)
        {
            if (q.Count > 1 || StatementQuery.FromToken(more) is not { } fromToken) { return XapiHttp.Bad("more: not a continuation this LRS issued"); }
            query = fromToken;
        }
        else
        {
            var parsed = StatementQuery.Parse(q, Grammar.Micros(now), http.RequestServices.GetRequiredService<RecordsOptions>().MaxPage);
            if (parsed.Error is not null) { return XapiHttp.Bad(parsed.Error); }
            query = parsed.Query!;
        }
        var rows = await (await query.ApplyAsync(db, ct)).Take(query.Limit + 1).Select(s => new { s.Id, s.Stored, s.Json }).ToListAsync(ct);
        // Distinct only matters for link rows stored twice before links were one per key; `more` still follows the raw rows.
        var page = rows.Take(query.Limit).DistinctBy(r => r.Id).ToList();
        var statements = new JsonArray(page.Select(r => (JsonNode)Shape(r.Json, query.Format, languages)).ToArray());
        var result = new JsonObject
        {
            ["statements"] = statements,
            ["more"] = rows.Count > query.Limit ? "/xapi/statements?more=" + (query with { After = page[^1].Stored }).ToToken() : "",
        };
        return await RespondAsync(http, db, result, statements.OfType<JsonObject>(), query.Attachments, ct);
    }

    private static async Task<IResult> SingleAsync(HttpContext http, RecordsDbContext db, string format, bool withAttachments, List<string> languages, CancellationToken ct)
    {
        var q = http.Request.Query;
        if (q.ContainsKey("statementId") && q.ContainsKey("voidedStatementId"))
        {
            return XapiHttp.Bad("statementId and voidedStatementId cannot be used together");
        }
        if (q.Keys.FirstOrDefault(k => k is not ("statementId" or "voidedStatementId" or "format" or "attachments")) is { } other)
        {
            return XapiHttp.Bad($"{other}: cannot be combined with statementId or voidedStatementId");
        }
        var voided = q.ContainsKey("voidedStatementId");
        var text = q[voided ? "voidedStatementId" : "statementId"].ToString();
        if (!Grammar.IsUuid(text)) { return XapiHttp.Bad((voided ? "voidedStatementId" : "statementId") + ": must be a UUID"); }
        var id = Guid.Parse(text);
        var row = await db.Statements.AsNoTracking().Where(s => s.Id == id && s.Voided == voided).Select(s => new { s.Json, s.Stored }).FirstOrDefaultAsync(ct);
        if (row is null) { return XapiHttp.Error(404, "no such statement"); }
        http.Response.Headers.LastModified = Grammar.FromMicros(row.Stored).ToString("R");
        var statement = Shape(row.Json, format, languages);
        return await RespondAsync(http, db, statement, [statement], withAttachments, ct);
    }

    private static JsonObject Shape(string json, string format, IReadOnlyList<string> languages)
    {
        var s = StatementShape.Parse(json);
        return format switch
        {
            "ids" => StatementShape.Ids(s),
            "canonical" => StatementShape.Canonical(s, languages),
            _ => s,
        };
    }

    /// <summary>JSON, or with attachments=true multipart/mixed: the JSON part first, then each attachment once.</summary>
    private static async Task<IResult> RespondAsync(HttpContext http, RecordsDbContext db, JsonNode result, IEnumerable<JsonObject> statements, bool withAttachments, CancellationToken ct)
    {
        if (!withAttachments)
        {
            return TypedResults.Text(result.ToJsonString(), "application/json", Encoding.UTF8);
        }
        var hashes = statements.SelectMany(s => (s["attachments"] as JsonArray ?? []).Concat(s["object"]?["attachments"] as JsonArray ?? []))
            .Select(a => (string?)a?["sha2"]).OfType<string>().Distinct().ToList();
        var attachments = await db.Attachments.AsNoTracking().Where(a => hashes.Contains(a.Sha2)).ToListAsync(ct);
        var boundary = "xapi-" + Guid.NewGuid().ToString("N");
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{boundary}\r\nContent-Type: application/json\r\n\r\n{result.ToJsonString()}\r\n");
        foreach (var a in attachments)
        {
            Write($"--{boundary}\r\nContent-Type: {a.ContentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {a.Sha2}\r\n\r\n");
            body.Write(a.Content);
            Write("\r\n");
        }
        Write($"--{boundary}--\r\n");
        return TypedResults.Bytes(body.ToArray(), $"multipart/mixed; boundary={boundary}");
    }

    private static bool TryBool(IQueryCollection q, string name, out bool value)
    {
        value = false;
        var text = q[name].ToString();
        return text.Length == 0 || bool.TryParse(text, out value);
    }
}

/// <summary>A parsed statement query; also the content of a `more` token (base64url JSON), so a page continues exactly.</summary>
internal sealed record StatementQuery(string? Agent, string? Verb, string? Activity, Guid? Registration, bool RelatedAgents, bool RelatedActivities,
    long? Since, long Until, int Limit, string Format, bool Attachments, bool Ascending, long? After)
{
    public static (StatementQuery? Query, string? Error) Parse(IQueryCollection q, long nowMicros, int maxPage)
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
        long until = nowMicros;
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
            Flag("related_activities"), since, until, limit, format, Flag("attachments"), Flag("ascending"), null), null);
    }

    private bool HasFilters => Agent is not null || Verb is not null || Activity is not null || Registration is not null;

    /// <summary>
    /// The page's statements: those matching the filters, and (Communication 2.1.3, "Filter Conditions for
    /// StatementRefs") those whose object is a StatementRef to a statement that matches, recursively. Time and
    /// sequence (since, until, the more cursor) apply to the statement returned, never to the one it targets.
    /// </summary>
    public async Task<IQueryable<StoredStatement>> ApplyAsync(RecordsDbContext db, CancellationToken ct)
    {
        var window = db.Statements.AsNoTracking().Where(s => !s.Voided && s.Stored <= Until);
        if (Since is { } since) { window = window.Where(s => s.Stored > since); }
        if (After is { } after)
        {
            window = Ascending ? window.Where(s => s.Stored > after) : window.Where(s => s.Stored < after);
        }
        var query = Matching(window, db, inWindow: true);
        if (HasFilters && await TargetingAsync(db, ct) is { Count: > 0 } targeting)
        {
            query = query.Union(window.Where(s => targeting.Contains(s.Id)));
        }
        return Ascending ? query.OrderBy(s => s.Stored) : query.OrderByDescending(s => s.Stored);
    }

    /// <summary>The non-time filters. The targets of StatementRefs are matched through this too, voided ones included:
    /// voiding is not a filter condition, and a voiding statement is how a client learns its match was withdrawn.</summary>
    private IQueryable<StoredStatement> Matching(IQueryable<StoredStatement> query, RecordsDbContext db, bool inWindow = false)
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
        if (Verb is not null) { query = query.Where(s => s.VerbId == Verb); }
        if (Registration is not null) { query = query.Where(s => s.Registration == Registration); }
        if (Agent is not null)
        {
            var agents = Window(db.Links.Where(l => l.Kind == LinkKind.Agent && l.Key == Agent));
            query = Linked(query, RelatedAgents ? agents : agents.Where(l => l.Primary));
        }
        if (Activity is not null)
        {
            query = RelatedActivities
                ? Linked(query, Window(db.Links.Where(l => l.Kind == LinkKind.Activity && l.Key == Activity)))
                : query.Where(s => s.ActivityId == Activity);
        }
        return query;
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
        var matching = Matching(db.Statements.AsNoTracking(), db).Select(t => t.Id);
        var found = await db.Statements.AsNoTracking().Where(s => s.TargetId != null && s.Stored <= Until && matching.Contains(s.TargetId.Value))
            .Select(s => s.Id).ToListAsync(ct);
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
