using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Data;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// Stores a batch of statements all or nothing (xAPI Data 2.3, Communication 2.1): validation, ids, conflicts
/// (same id + same statement is a no-op, a different one 409), voiding, stored/timestamp/authority/version,
/// attachments, and the person and place each statement belongs to. Used by PUT/POST and in-process writers.
/// </summary>
internal static class StoreStatements
{
    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

    public sealed record Outcome(int Status, string? Error, List<Guid> Ids)
    {
        public static Outcome Fail(int status, string error) => new(status, error, []);
    }

    public sealed record Part(string ContentType, byte[] Content);

    public static async Task<Outcome> HandleAsync(RecordsDbContext db, IAccountPlacement placement, string homePage, Writer writer,
        List<JsonObject> statements, IReadOnlyDictionary<string, Part> parts, TimeProvider clock, CancellationToken ct, bool checkedAlready = false)
    {
        // 1. Every statement valid, or nothing is stored (HTTP callers check the parsed elements before).
        if (!checkedAlready && Check(statements.Select(s => System.Text.Json.JsonSerializer.SerializeToElement(s)).ToList()) is { } invalid)
        {
            return invalid;
        }
        // 2. Ids: given ones unique in the batch, missing ones assigned.
        var given = statements.Where(s => s["id"] is not null).ToList();
        var ids = new List<Guid>(statements.Count);
        ids.AddRange(statements.Select(AssignId));
        // Only ids the client chose can be stored already or be voided already: fresh version-7 ids skip those look-ups.
        var givenIds = given.Select(s => Guid.Parse((string)s["id"]!)).ToHashSet();
        if (ids.Distinct().Count() != ids.Count)
        {
            return Outcome.Fail(400, "statements: the same id appears twice in one batch");
        }
        // 3. Attachments: each one without a fileUrl must come as a part, and every part must be declared.
        var declared = statements.SelectMany(s => AttachmentsOf(s)).ToList();
        foreach (var a in declared.Where(a => a["fileUrl"] is null))
        {
            if (!parts.ContainsKey((string)a["sha2"]!))
            {
                return Outcome.Fail(400, $"attachments: no multipart part carries sha2 {(string?)a["sha2"]}");
            }
        }
        var declaredHashes = declared.Select(a => (string?)a["sha2"]).ToHashSet(StringComparer.Ordinal);
        if (parts.Keys.FirstOrDefault(h => !declaredHashes.Contains(h)) is { } stray)
        {
            return Outcome.Fail(400, $"attachments: part with X-Experience-API-Hash {stray} matches no attachment of the statements");
        }
        // 3b. Signed statements: a malformed or mismatching signature rejects the batch (Data 2.6).
        for (var i = 0; i < statements.Count; i++)
        {
            if (VerifySignatures.Check(statements[i], parts) is { } bad)
            {
                return Outcome.Fail(400, statements.Count > 1 ? $"statements[{i}].{bad}" : bad);
            }
        }
        // 4. Voiding: the object must be a StatementRef, and a voiding statement cannot be voided.
        var voidTargets = new List<Guid>();
        foreach (var s in statements.Where(s => (string?)s["verb"]?["id"] == VoidedVerb))
        {
            if (StatementShape.ObjectType(s["object"]) != "StatementRef")
            {
                return Outcome.Fail(400, "statement.object: a voiding statement's object must be a StatementRef");
            }
            voidTargets.Add(Guid.Parse((string)s["object"]!["id"]!));
        }
        if (voidTargets.Count > 0)
        {
            var batchVoiding = statements.Where(IsVoiding).Select(s => Guid.Parse((string)s["id"]!)).ToHashSet();
            var storedVoiding = await db.Statements.IgnoreQueryFilters().Where(s => voidTargets.Contains(s.Id) && s.IsVoiding).AnyAsync(ct);
            if (storedVoiding || voidTargets.Any(batchVoiding.Contains))
            {
                return Outcome.Fail(400, "statement.object.id: a voiding statement cannot be voided");
            }
        }
        // 5. Conflicts with stored statements (seen whatever the caller's scope: ids are global).
        var lookUp = givenIds.ToList();
        var existing = lookUp.Count == 0 ? [] : await db.Statements.IgnoreQueryFilters().Where(s => lookUp.Contains(s.Id)).Select(s => new { s.Id, s.SubmittedHash }).ToDictionaryAsync(s => s.Id, s => s.SubmittedHash, ct);
        var hashes = statements.Select(StatementShape.SubmittedHash).ToList();
        for (var i = 0; i < statements.Count; i++)
        {
            if (existing.TryGetValue(ids[i], out var hash) && hash != hashes[i])
            {
                return Outcome.Fail(409, $"statement {ids[i]} already exists with different content");
            }
        }
        // 6. Where each statement belongs, and whether this writer may write about that learner.
        using var reservation = StoredTimes.For(db.Database).Reserve(clock, statements.Count);
        var stored = reservation.First;
        var rows = new List<StoredStatement>();
        var links = new List<StatementLink>();
        var kept = new List<JsonObject>();
        for (var i = 0; i < statements.Count; i++)
        {
            if (existing.ContainsKey(ids[i]))
            {
                continue;
            }
            var s = statements[i];
            var learner = await Learners.FindAsync(s["actor"], homePage, placement, ct);
            if (learner is not null && !writer.MayWriteAbout(learner))
            {
                return Outcome.Fail(403, "statement.actor: you may not record statements about this learner");
            }
            var (row, rowLinks) = Prepare(s, ids[i], stored + i, hashes[i], learner, writer);
            rows.Add(row);
            kept.Add(s);
            links.AddRange(rowLinks);
        }
        // 7. Write: statements, side table, activities, attachment contents, voided flags; one transaction.
        using var turn = await SqliteWriterTurns.TakeAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var activities = new Dictionary<string, string>(StringComparer.Ordinal);
        kept.ForEach(s => CollectActivities(s, activities));
        await StatementRows.UpsertActivitiesAsync(db, activities, ct);
        var newParts = parts.Where(p => declared.Any(a => (string?)a["sha2"] == p.Key)).ToList();
        var knownParts = await db.Attachments.Where(a => newParts.Select(p => p.Key).Contains(a.Sha2)).Select(a => a.Sha2).ToListAsync(ct);
        db.Attachments.AddRange(newParts.Where(p => !knownParts.Contains(p.Key)).Select(p => new StoredAttachment { Sha2 = p.Key, ContentType = p.Value.ContentType, Content = p.Value.Content }));
        await MarkLateVoidedAsync(db, rows.Where(r => givenIds.Contains(r.Id)).ToList(), ct);
        // Rows go in bulk (COPY / one prepared INSERT), not through EF tracking: that was most of the ingest cost.
        await StatementRows.InsertAsync(db, rows, links, ct);
        await db.SaveChangesAsync(ct);
        var targets = rows.Where(r => r.IsVoiding).Select(r => r.TargetId!.Value).ToList();
        if (targets.Count > 0)
        {
            await db.Statements.IgnoreQueryFilters().Where(s => targets.Contains(s.Id) && !s.IsVoiding).ExecuteUpdateAsync(u => u.SetProperty(s => s.Voided, true), ct);
        }
        await tx.CommitAsync(ct);
        return new Outcome(200, null, ids);
    }

    /// <summary>The MUST rules for every statement of a batch; the first failing statement's errors (at most 5), or null.</summary>
    public static Outcome? Check(IReadOnlyList<System.Text.Json.JsonElement> statements)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            var errors = StatementRules.Check(statements[i]);
            if (errors.Count > 0)
            {
                var prefix = statements.Count > 1 ? $"statements[{i}]" : "statement";
                return Outcome.Fail(400, string.Join("; ", errors.Take(5).Select(e => e.Replace("statement", prefix, StringComparison.Ordinal))));
            }
        }
        return null;
    }

    internal static bool IsVoiding(JsonObject s) => (string?)s["verb"]?["id"] == VoidedVerb && StatementShape.ObjectType(s["object"]) == "StatementRef";

    private static IEnumerable<JsonObject> AttachmentsOf(JsonObject s) =>
        (s["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Concat(s["object"] is JsonObject o && StatementShape.ObjectType(o) == "SubStatement" ? (o["attachments"] as JsonArray ?? []).OfType<JsonObject>() : []);

    /// <summary>The given id, or a new one written into the statement.</summary>
    internal static Guid AssignId(JsonObject s)
    {
        var id = (string?)s["id"] is { } given ? Guid.Parse(given) : Guid.CreateVersion7();
        s["id"] = id.ToString();
        return id;
    }

    /// <summary>Sets what the LRS sets on a statement it keeps (stored, timestamp, authority, version), then its row and links.</summary>
    internal static (StoredStatement Row, List<StatementLink> Links) Prepare(JsonObject s, Guid id, long stored, string hash, PlacedAccount? learner, Writer writer)
    {
        var at = Grammar.FromMicros(stored);
        s["stored"] = Grammar.Format(at);
        s["timestamp"] ??= Grammar.Format(at);
        s["authority"] = writer.Authority.DeepClone();
        s["version"] ??= "1.0.0";
        var row = Row(s, id, stored, hash, learner, writer);
        var verb = VerbHash.Of(row.VerbId);
        row.VerbHash = verb;
        return (row, StatementShape.StoredLinks(s).Select(l => StatementLink.Of(id, l.Kind, l.Key, l.Primary, stored, verb)).ToList());
    }

    /// <summary>A statement arriving after the statement that voids it is voided at once.</summary>
    internal static async Task MarkLateVoidedAsync(RecordsDbContext db, IReadOnlyList<StoredStatement> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var newIds = rows.Select(r => r.Id).ToList();
        var lateVoided = await db.Statements.IgnoreQueryFilters().Where(s => s.IsVoiding && s.TargetId != null && newIds.Contains(s.TargetId.Value)).Select(s => s.TargetId!.Value).ToListAsync(ct);
        foreach (var r in rows.Where(r => lateVoided.Contains(r.Id) && !r.IsVoiding))
        {
            r.Voided = true;
        }
    }

    private static StoredStatement Row(JsonObject s, Guid id, long stored, string hash, PlacedAccount? learner, Writer writer)
    {
        var place = learner?.Place ?? writer.Place;
        var obj = s["object"];
        var type = StatementShape.ObjectType(obj);
        var registration = (string?)s["context"]?["registration"];
        return new StoredStatement
        {
            Id = id,
            Stored = stored,
            VerbId = (string)s["verb"]!["id"]!,
            ActorKey = StatementShape.IfiKey(s["actor"]) ?? "",
            ActivityId = type == "Activity" ? (string?)obj!["id"] : null,
            Registration = registration is null ? null : Guid.Parse(registration),
            TargetId = type == "StatementRef" ? Guid.Parse((string)obj!["id"]!) : null,
            IsVoiding = IsVoiding(s),
            SubmittedHash = hash,
            Json = s.ToJsonString(),
            WrittenBy = writer.WrittenBy,
            ProvinceCode = place.ProvinceCode ?? "",
            CityCode = place.CityCode ?? "",
            CountyCode = place.CountyCode ?? "",
            SchoolId = place.SchoolId,
            ClassId = place.ClassId,
            PersonId = learner?.Id ?? writer.PersonId,
        };
    }

    /// <summary>The newest definition of each object activity in these statements, for GET /xapi/activities.</summary>
    internal static void CollectActivities(JsonObject s, Dictionary<string, string> latest)
    {
        if (s["object"] is JsonObject obj && StatementShape.ObjectType(obj) == "Activity" && obj["definition"] is not null && (string?)obj["id"] is { } id)
        {
            latest[id] = obj.ToJsonString();
        }
    }
}
