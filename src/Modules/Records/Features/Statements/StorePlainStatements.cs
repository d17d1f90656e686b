using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Data;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// <see cref="StoreStatements.HandleAsync"/> for the common batch — no attachments, no voiding statement — read
/// straight from the checked request elements: hash, stored JSON, row and links without building a node tree per
/// statement (ADR 0026). Statements with attachments or voiding take the ordinary path, which
/// keeps every rule for them; the outcome of both paths is the same for the statements this one takes.
/// </summary>
internal static class StorePlainStatements
{
    /// <summary>Statements this path takes: no attachments (so no signature either) and not voiding.</summary>
    public static bool Fits(JsonElement s)
    {
        if (s.TryGetProperty("attachments"u8, out _)) { return false; }
        var obj = ElementShape.Property(s, "object");
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty("attachments"u8, out _)) { return false; }
        // Compared in place: the verb's id as a new string per statement only to compare it was an allocation per statement.
        var verb = ElementShape.Property(s, "verb");
        return !(verb.ValueKind == JsonValueKind.Object && verb.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String && id.ValueEquals(StoreStatements.VoidedVerb));
    }

    /// <summary>The statement as its row and links (what StoreStatements.Prepare gives for the node tree), its activity definition if any.</summary>
    public sealed record Prepared(StoredStatement Row, List<StatementLink> Links, string? ActivityJson);

    public static Prepared Prepare(JsonElement s, Guid id, long stored, PlacedAccount? learner, Writer writer, ElementShape.Scratch? scratch = null)
    {
        scratch ??= new ElementShape.Scratch();
        // The id and the stored time as UTF-8 on the stack: both only go into the hash's and the stored JSON's bytes.
        Span<byte> idUtf8 = stackalloc byte[36];
        id.TryFormat(idUtf8, out _);
        Span<byte> storedUtf8 = stackalloc byte[27];
        Grammar.FormatUtf8(stored, storedUtf8);
        var hash = ElementShape.SubmittedHash(s, idUtf8, scratch);
        var json = ElementShape.StoredJsonUtf8(s, idUtf8, storedUtf8, writer.Authority, scratch).ToArray();
        var place = learner?.Place ?? writer.Place;
        var obj = ElementShape.Property(s, "object");
        var type = ElementShape.ObjectType(obj);
        var registration = ElementShape.Text(ElementShape.Property(s, "context"), "registration");
        var row = new StoredStatement
        {
            Id = id,
            Stored = stored,
            VerbId = ElementShape.Text(ElementShape.Property(s, "verb"), "id")!,
            ActorKey = ElementShape.IfiKey(ElementShape.Property(s, "actor")) ?? "",
            ActivityId = type == "Activity" ? ElementShape.Text(obj, "id") : null,
            Registration = registration is null ? null : Guid.Parse(registration),
            TargetId = type == "StatementRef" ? Guid.Parse(ElementShape.Text(obj, "id")!) : null,
            SubmittedHash = hash,
            WrittenBy = writer.WrittenBy,
            ProvinceCode = place.ProvinceCode ?? "",
            CityCode = place.CityCode ?? "",
            CountyCode = place.CountyCode ?? "",
            SchoolId = place.SchoolId,
            ClassId = place.ClassId,
            PersonId = learner?.Id ?? writer.PersonId,
        };
        row.SetJson(json);
        var verb = VerbHash.Of(row.VerbId);
        row.VerbHash = verb;
        var links = ElementShape.Links(s).Select(l => StatementLink.Of(id, l.Kind, l.Key, l.Primary, stored, verb)).ToList();
        var activity = type == "Activity" && obj.TryGetProperty("definition", out var definition) && definition.ValueKind != JsonValueKind.Null && row.ActivityId is not null ? ElementShape.Json(obj, scratch) : null;
        return new Prepared(row, links, activity);
    }

    /// <summary>
    /// Version-7 ids (RFC 9562: 48 bits of Unix milliseconds, version 7, variant 10, 74 random bits), what
    /// Guid.CreateVersion7 makes, with the random bits of the whole batch read at once: CreateVersion7 read 16 bytes
    /// from the kernel per id, a system call per statement (≈ 2 % of the server's CPU on the batch path,
    /// docs/benchmarks.md, "Session 13").
    /// </summary>
    internal static Guid[] NewIds(int count, DateTimeOffset now)
    {
        var random = new byte[count * 16];
        RandomNumberGenerator.Fill(random);
        var millis = now.ToUnixTimeMilliseconds();
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            var b = random.AsSpan(i * 16, 16);
            for (var k = 0; k < 6; k++) { b[k] = (byte)(millis >> (40 - 8 * k)); }
            b[6] = (byte)(0x70 | (b[6] & 0x0F));
            b[8] = (byte)(0x80 | (b[8] & 0x3F));
            ids[i] = new Guid(b, bigEndian: true);
        }
        return ids;
    }

    /// <summary>Stores the checked statements (all <see cref="Fits"/>) all or nothing; ids as StoreStatements gives them.</summary>
    public static async Task<StoreStatements.Outcome> HandleAsync(RecordsDbContext db, IAccountPlacement placement, string homePage, Writer writer,
        IReadOnlyList<JsonElement> statements, TimeProvider clock, CancellationToken ct)
    {
        // Ids: given ones unique in the batch, missing ones assigned. Only given ids can already be stored or be
        // the target of a stored voiding statement: a fresh version-7 id cannot, so those skip both look-ups.
        var ids = new List<Guid>(statements.Count);
        var given = new List<Guid>();
        var fresh = NewIds(statements.Count, clock.GetUtcNow());
        for (var i = 0; i < statements.Count; i++)
        {
            if (ElementShape.Text(statements[i], "id") is { } text)
            {
                var id = Guid.Parse(text);
                ids.Add(id);
                given.Add(id);
            }
            else
            {
                ids.Add(fresh[i]);
            }
        }
        if (given.Count > 1 && given.Distinct().Count() != given.Count)
        {
            return StoreStatements.Outcome.Fail(400, "statements: the same id appears twice in one batch");
        }
        var existing = given.Count == 0
            ? []
            : await db.Statements.IgnoreQueryFilters().Where(s => given.Contains(s.Id)).Select(s => new { s.Id, s.SubmittedHash }).ToDictionaryAsync(s => s.Id, s => s.SubmittedHash, ct);
        var scratch = new ElementShape.Scratch();
        // Conflicts first (as the ordinary path): the same statement again is a no-op, another under a stored id 409.
        for (var i = 0; i < statements.Count && existing.Count > 0; i++)
        {
            if (existing.TryGetValue(ids[i], out var hash) && hash != ElementShape.SubmittedHash(statements[i], ids[i].ToString(), scratch))
            {
                return StoreStatements.Outcome.Fail(409, $"statement {ids[i]} already exists with different content");
            }
        }
        using var reservation = StoredTimes.For(db.Database).Reserve(clock, statements.Count);
        var stored = reservation.First;
        var rows = new List<StoredStatement>(statements.Count);
        var links = new List<StatementLink>(statements.Count * 4);
        var activities = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < statements.Count; i++)
        {
            if (existing.ContainsKey(ids[i]))
            {
                continue;
            }
            var s = statements[i];
            var learner = await Learners.FindAsync(ElementShape.Property(s, "actor"), homePage, placement, ct);
            if (learner is not null && !writer.MayWriteAbout(learner))
            {
                return StoreStatements.Outcome.Fail(403, "statement.actor: you may not record statements about this learner");
            }
            var prepared = Prepare(s, ids[i], stored + i, learner, writer, scratch);
            rows.Add(prepared.Row);
            links.AddRange(prepared.Links);
            if (prepared.ActivityJson is not null) { activities[prepared.Row.ActivityId!] = prepared.ActivityJson; }
        }
        using var turn = await SqliteWriterTurns.TakeAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await StatementRows.UpsertActivitiesAsync(db, activities, ct);
        if (given.Count > 0)
        {
            await StoreStatements.MarkLateVoidedAsync(db, rows.Where(r => given.Contains(r.Id)).ToList(), ct);
        }
        await StatementRows.InsertAsync(db, rows, links, ct);
        await tx.CommitAsync(ct);
        return new StoreStatements.Outcome(200, null, ids);
    }
}
