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
        // The first page's snapshot is the same instant, so no page can miss a statement that commits late (ADR 0038).
        var consistentThrough = StoredTimes.For(db.Database).ConsistentThrough(clock);
        http.Response.Headers["X-Experience-API-Consistent-Through"] = Grammar.Format(Grammar.FromMicros(consistentThrough));
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
            var parsed = StatementQuery.Parse(q, consistentThrough, http.RequestServices.GetRequiredService<RecordsOptions>().MaxPage, XapiHttp.HomePage(http.RequestServices));
            if (parsed.Error is not null) { return XapiHttp.Bad(parsed.Error); }
            query = parsed.Query!;
        }
        var (matching, targeting) = await query.ApplyAsync(db, ct);
        var rows = await matching.Take(query.Limit + 1).Select(s => new { s.Id, s.Stored, s.Json }).ToListAsync(ct);
        // Distinct only matters for link rows stored twice before links were one per key, and for statements stored with an
        // authority link before ADR 0043 that the writer's walk finds again (related_agents). The links match on a hash of
        // the key (ADR 0040): a statement that does not itself carry the agent/activity asked for is dropped (a shorter
        // page, never a wrong statement). `more` follows the raw rows either way.
        var page = rows.Take(query.Limit).DistinctBy(r => r.Id).Select(r => (r.Id, Statement: StatementShape.Parse(r.Json)))
            .Where(r => targeting.Contains(r.Id) || query.Carries(r.Statement)).ToList();
        var statements = new JsonArray(page.Select(r => (JsonNode)Shape(r.Statement, query.Format, languages)).ToArray());
        var result = new JsonObject
        {
            ["statements"] = statements,
            ["more"] = rows.Count > query.Limit ? "/xapi/statements?more=" + (query with { After = rows[query.Limit - 1].Stored }).ToToken() : "",
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
        var statement = Shape(StatementShape.Parse(row.Json), format, languages);
        return await RespondAsync(http, db, statement, [statement], withAttachments, ct);
    }

    private static JsonObject Shape(JsonObject s, string format, IReadOnlyList<string> languages)
    {
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
