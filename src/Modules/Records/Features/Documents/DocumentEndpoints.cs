using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Records.Features.Documents;

/// <summary>
/// State, Activity Profile and Agent Profile documents (Communication 2.3-2.7, 3.1): GET one or the ids, PUT (replace),
/// POST (JSON merge), DELETE, with ETag, If-Match (412 when it does not match) and If-None-Match: * (412 when a
/// document exists); a profile PUT on an existing document without either header is 409, as the spec asks.
/// </summary>
internal static class DocumentEndpoints
{
    public static Delegate Get(DocumentKind kind) => (HttpContext http, RecordsDbContext db, CancellationToken ct) => GetAsync(kind, http, db, ct);

    public static Delegate Put(DocumentKind kind, bool merge) => (HttpContext http, RecordsDbContext db, ICurrentActor actor, IAccountPlacement placement, TimeProvider clock, CancellationToken ct) =>
        WriteAsync(kind, merge, http, db, actor, placement, clock, ct);

    public static Delegate Delete(DocumentKind kind) => (HttpContext http, RecordsDbContext db, CancellationToken ct) => DeleteAsync(kind, http, db, ct);

    private static IQueryable<LrsDocument> Matching(IQueryable<LrsDocument> docs, DocumentAddress a) =>
        docs.Where(d => d.Kind == a.Kind && d.ActivityId == a.ActivityId && d.AgentKey == a.AgentKey && d.Registration == a.Registration);

    private static async Task<IResult> GetAsync(DocumentKind kind, HttpContext http, RecordsDbContext db, CancellationToken ct)
    {
        var (address, error) = DocumentAddress.Parse(kind, http.Request.Query);
        if (address is null) { return XapiHttp.Bad(error!); }
        if (address.DocumentId.Length == 0)
        {
            var docs = Matching(db.Documents.AsNoTracking(), address);
            if (address.Since is { } since)
            {
                var at = Grammar.FromMicros(since).UtcDateTime;
                docs = docs.Where(d => d.Updated > at);
            }
            return TypedResults.Json(await docs.OrderBy(d => d.DocumentId).Select(d => d.DocumentId).ToListAsync(ct));
        }
        if (address.Since is not null) { return XapiHttp.Bad("since: only with a request for the ids"); }
        var doc = await Matching(db.Documents.AsNoTracking(), address).FirstOrDefaultAsync(d => d.DocumentId == address.DocumentId, ct);
        if (doc is null) { return XapiHttp.Error(404, "no such document"); }
        http.Response.Headers.ETag = $"\"{doc.ETag}\"";
        http.Response.Headers.LastModified = new DateTimeOffset(doc.Updated, TimeSpan.Zero).ToString("R");
        return TypedResults.Bytes(doc.Content, doc.ContentType);
    }

    private static async Task<IResult> WriteAsync(DocumentKind kind, bool merge, HttpContext http, RecordsDbContext db, ICurrentActor actor, IAccountPlacement placement,
        TimeProvider clock, CancellationToken ct)
    {
        var (address, error) = DocumentAddress.Parse(kind, http.Request.Query);
        if (address is null) { return XapiHttp.Bad(error!); }
        if (address.DocumentId.Length == 0) { return XapiHttp.Bad(DocumentAddress.IdParameter(kind) + ": is required"); }
        if (address.Since is not null) { return XapiHttp.Bad("since: not a parameter of a write"); }
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var contentType = http.Request.ContentType is { Length: > 0 } ct0 ? ct0 : "application/octet-stream";

        var existing = await Matching(db.Documents.IgnoreQueryFilters(), address).FirstOrDefaultAsync(d => d.DocumentId == address.DocumentId, ct);
        if (existing is not null && !await db.Documents.AnyAsync(d => d.Id == existing.Id, ct))
        {
            return XapiHttp.Error(403, "this document belongs to someone outside your scope");
        }
        if (Precondition(http, existing, requireHeader: !merge && kind != DocumentKind.State) is { } refused)
        {
            return refused;
        }
        if (merge && existing is not null)
        {
            var merged = Merge(existing, content, contentType);
            if (merged is null) { return XapiHttp.Bad("body: POST merges JSON objects only; the stored or the new document is not a JSON object"); }
            content = merged;
            contentType = "application/json";
        }
        else if (merge && IsJson(contentType) && !IsJsonObject(content))
        {
            return XapiHttp.Bad("body: a JSON document posted for merging must be a JSON object");
        }
        var writer = await XapiHttp.WriterAsync(http, actor, placement, ct);
        var doc = existing;
        if (doc is null)
        {
            var learner = await Learners.FindAsync(address.Agent, XapiHttp.HomePage(http.RequestServices), placement, ct);
            if (learner is not null && !writer.MayWriteAbout(learner)) { return XapiHttp.Error(403, "agent: you may not keep documents about this learner"); }
            var place = learner?.Place ?? writer.Place;
            doc = new LrsDocument
            {
                Kind = kind, ActivityId = address.ActivityId, AgentKey = address.AgentKey, Registration = address.Registration, DocumentId = address.DocumentId,
                ProvinceCode = place.ProvinceCode ?? "", CityCode = place.CityCode ?? "", CountyCode = place.CountyCode ?? "",
                SchoolId = place.SchoolId, ClassId = place.ClassId, PersonId = learner?.Id ?? writer.PersonId,
            };
            db.Documents.Add(doc);
        }
        doc.Content = content;
        doc.ContentType = contentType;
        // xAPI clients compute the SHA-1 of a document to send If-Match; it is an identifier here, not a security hash.
#pragma warning disable CA5350
        doc.ETag = Convert.ToHexStringLower(SHA1.HashData(content));
#pragma warning restore CA5350
        doc.Updated = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return XapiHttp.Error(409, "the document was written by another request at the same moment; read it and retry");
        }
        http.Response.Headers.ETag = $"\"{doc.ETag}\"";
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DeleteAsync(DocumentKind kind, HttpContext http, RecordsDbContext db, CancellationToken ct)
    {
        var (address, error) = DocumentAddress.Parse(kind, http.Request.Query);
        if (address is null) { return XapiHttp.Bad(error!); }
        if (address.Since is not null) { return XapiHttp.Bad("since: not a parameter of DELETE"); }
        if (address.DocumentId.Length == 0 && kind != DocumentKind.State)
        {
            return XapiHttp.Bad(DocumentAddress.IdParameter(kind) + ": is required");
        }
        var docs = Matching(db.Documents, address);
        if (address.DocumentId.Length > 0)
        {
            var doc = await docs.FirstOrDefaultAsync(d => d.DocumentId == address.DocumentId, ct);
            if (Precondition(http, doc, requireHeader: false) is { } refused) { return refused; }
            if (doc is not null) { db.Documents.Remove(doc); }
        }
        else
        {
            db.Documents.RemoveRange(await docs.ToListAsync(ct));
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>If-Match / If-None-Match (Communication 3.1). Null when the request may go ahead.</summary>
    private static IResult? Precondition(HttpContext http, LrsDocument? existing, bool requireHeader)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (ifMatch.Length > 0)
        {
            var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries).Select(t => t.Trim('"'));
            if (existing is null || !tags.Any(t => t == "*" || t.Equals(existing.ETag, StringComparison.OrdinalIgnoreCase)))
            {
                return XapiHttp.Error(412, "If-Match: the document has changed (or does not exist)");
            }
        }
        if (ifNoneMatch.Length > 0 && existing is not null)
        {
            var tags = ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Select(t => t.Trim('"'));
            if (tags.Any(t => t == "*" || t.Equals(existing.ETag, StringComparison.OrdinalIgnoreCase)))
            {
                return XapiHttp.Error(412, "If-None-Match: the document already exists");
            }
        }
        if (requireHeader && existing is not null && ifMatch.Length == 0 && ifNoneMatch.Length == 0)
        {
            return XapiHttp.Error(409, "the document exists: send If-Match with its ETag (or If-None-Match: *) to change it");
        }
        return null;
    }

    private static byte[]? Merge(LrsDocument existing, byte[] content, string contentType)
    {
        if (!IsJson(existing.ContentType) || !IsJson(contentType)) { return null; }
        try
        {
            if (JsonNode.Parse(existing.Content) is not JsonObject stored || JsonNode.Parse(content) is not JsonObject update) { return null; }
            foreach (var (key, value) in update.ToList())
            {
                stored[key] = value?.DeepClone();
            }
            return System.Text.Encoding.UTF8.GetBytes(stored.ToJsonString());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJson(string contentType) => contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsJsonObject(byte[] content)
    {
        try { return JsonNode.Parse(content) is JsonObject; } catch (JsonException) { return false; }
    }
}
