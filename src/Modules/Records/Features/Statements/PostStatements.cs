using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace EduCloud.Records.Features.Statements;

/// <summary>
/// PUT /xapi/statements?statementId= (one statement, 204) and POST /xapi/statements (one or an array, 200 with the
/// ids). The body is application/json, or multipart/mixed whose first part is the JSON and whose other parts are
/// attachments with an X-Experience-API-Hash header (Data 2.4.11). Statement bodies are never logged.
/// The database context and the account look-up are resolved only where a path needs them: a single statement that
/// the group writer takes touches neither (minimal API parameters would build both DbContexts for every request).
/// </summary>
internal static class PostStatements
{
    public static async Task<IResult> PutAsync(HttpContext http, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (query.Keys.Any(k => k != "statementId"))
        {
            return XapiHttp.Bad("PUT statements takes only the statementId parameter");
        }
        if (query["statementId"].ToString() is not { Length: > 0 } idText || !Json.Grammar.IsUuid(idText))
        {
            return XapiHttp.Bad("statementId: a UUID parameter is required");
        }
        var (body, parts, error) = await ReadAsync(http.Request, ct);
        if (error is not null) { return XapiHttp.Bad(error); }
        if (body.ValueKind != JsonValueKind.Object) { return XapiHttp.Bad("body: PUT takes one statement object"); }
        if (body.TryGetProperty("id", out var given) && given.ValueKind == JsonValueKind.String && !string.Equals(given.GetString(), idText, StringComparison.OrdinalIgnoreCase))
        {
            return XapiHttp.Bad("statement.id: differs from the statementId parameter");
        }
        if (StoreStatements.Check([body]) is { } invalid) { return XapiHttp.Error(invalid.Status, invalid.Error!); }
        var statement = JsonObject.Create(body)!;
        statement["id"] ??= idText;
        var outcome = await StoreAsync(http, actor, clock, [statement], parts, ct);
        return outcome.Error is null ? TypedResults.NoContent() : XapiHttp.Error(outcome.Status, outcome.Error);
    }

    public static async Task<IResult> PostAsync(HttpContext http, ICurrentActor actor, TimeProvider clock, CancellationToken ct)
    {
        if (http.Request.Query.Count > 0)
        {
            return XapiHttp.Bad("POST statements takes no parameters");
        }
        var (body, parts, error) = await ReadAsync(http.Request, ct);
        if (error is not null) { return XapiHttp.Bad(error); }
        List<JsonElement> elements;
        switch (body.ValueKind)
        {
            case JsonValueKind.Object: elements = [body]; break;
            case JsonValueKind.Array when body.GetArrayLength() > 0 && body.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Object): elements = body.EnumerateArray().ToList(); break;
            default: return XapiHttp.Bad("body: a statement object or a non-empty array of statement objects is required");
        }
        // Checked on the parsed elements as they are; each statement then becomes its own node tree over its element
        // (no deep copy, no second serialisation just to validate).
        if (StoreStatements.Check(elements) is { } invalid) { return XapiHttp.Error(invalid.Status, invalid.Error!); }
        if (elements.Count > 1 && parts.Count == 0 && elements.All(StorePlainStatements.Fits))
        {
            var plain = await StorePlainAsync(http, actor, clock, elements, ct);
            return plain.Error is null ? TypedResults.Json(plain.Ids.Select(i => i.ToString())) : XapiHttp.Error(plain.Status, plain.Error);
        }
        var statements = elements.Select(e => JsonObject.Create(e)!).ToList();
        var outcome = await StoreAsync(http, actor, clock, statements, parts, ct);
        return outcome.Error is null ? TypedResults.Json(outcome.Ids.Select(i => i.ToString())) : XapiHttp.Error(outcome.Status, outcome.Error);
    }

    private static async Task<StoreStatements.Outcome> StoreAsync(HttpContext http, ICurrentActor actor, TimeProvider clock,
        List<JsonObject> statements, Dictionary<string, StoreStatements.Part> parts, CancellationToken ct)
    {
        var services = http.RequestServices;
        var writer = await XapiHttp.WriterAsync(http, actor, ct);
        var home = XapiHttp.HomePage(services);
        try
        {
            if (statements.Count == 1 && parts.Count == 0 && services.GetService<CommitSinglesTogether>() is { } together && CommitSinglesTogether.Fits(statements[0]))
            {
                return await together.StoreAsync(services, home, writer, statements[0], clock, ct);
            }
            return await StoreStatements.HandleAsync(services.GetRequiredService<RecordsDbContext>(), services.GetRequiredService<IAccountPlacement>(), home, writer, statements, parts, clock, ct, checkedAlready: true);
        }
        catch (Exception e) when (StatementRows.IsDuplicate(e))
        {
            // Two writers raced on the same statement id: the loser gets the spec's conflict answer.
            return StoreStatements.Outcome.Fail(409, "a statement with this id was stored at the same moment");
        }
    }

    /// <summary>A batch without attachments or voiding, straight from the request elements (StorePlainStatements).</summary>
    private static async Task<StoreStatements.Outcome> StorePlainAsync(HttpContext http, ICurrentActor actor, TimeProvider clock,
        List<JsonElement> statements, CancellationToken ct)
    {
        var services = http.RequestServices;
        var writer = await XapiHttp.WriterAsync(http, actor, ct);
        try
        {
            return await StorePlainStatements.HandleAsync(services.GetRequiredService<RecordsDbContext>(), services.GetRequiredService<IAccountPlacement>(), XapiHttp.HomePage(services), writer, statements, clock, ct);
        }
        catch (Exception e) when (StatementRows.IsDuplicate(e))
        {
            return StoreStatements.Outcome.Fail(409, "a statement with this id was stored at the same moment");
        }
    }

    /// <summary>Reads the JSON body, or the multipart/mixed body with its attachment parts (keyed by their hash).</summary>
    internal static async Task<(JsonElement Body, Dictionary<string, StoreStatements.Part> Parts, string? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var parts = new Dictionary<string, StoreStatements.Part>(StringComparer.Ordinal);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return (default, parts, "Content-Type: application/json or multipart/mixed is required");
        }
        if (type.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) { return (default, parts, "Content-Type: multipart/mixed needs a boundary"); }
            var reader = new MultipartReader(boundary, request.Body);
            var first = await reader.ReadNextSectionAsync(ct);
            if (first is null || !MediaTypeHeaderValue.TryParse(first.ContentType, out var firstType) || !firstType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return (default, parts, "multipart: the first part must be application/json statements");
            }
            var json = await ParseAsync(first.Body, ct);
            if (json.Error is not null) { return (default, parts, json.Error); }
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                var hash = section.Headers?.TryGetValue("X-Experience-API-Hash", out var h) == true ? h.ToString() : "";
                if (hash.Length == 0) { return (default, parts, "multipart: every attachment part needs an X-Experience-API-Hash header"); }
                if (section.Headers!.TryGetValue("Content-Transfer-Encoding", out var cte) && !cte.ToString().Equals("binary", StringComparison.OrdinalIgnoreCase))
                {
                    return (default, parts, "multipart: Content-Transfer-Encoding must be binary");
                }
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, ct);
                var content = buffer.ToArray();
                if (!HashMatches(hash, content)) { return (default, parts, $"multipart: the content of part {hash} does not match its SHA-2 hash"); }
                parts[hash] = new StoreStatements.Part(section.ContentType ?? "application/octet-stream", content);
            }
            return (json.Element, parts, null);
        }
        if (!type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, parts, "Content-Type: application/json or multipart/mixed is required");
        }
        var body = await ParseAsync(request.Body, ct);
        return (body.Element, parts, body.Error);
    }

    /// <summary>Duplicate property names are refused (Data 2.2: the statement would be ambiguous).</summary>
    private static readonly JsonSerializerOptions Strict = new() { AllowDuplicateProperties = false };

    private static async Task<(JsonElement Element, string? Error)> ParseAsync(Stream body, CancellationToken ct)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<JsonElement>(body, Strict, ct), null);
        }
        catch (JsonException e)
        {
            return (default, $"body: not valid JSON (line {e.LineNumber + 1})");
        }
    }

    private static bool HashMatches(string hash, byte[] content)
    {
        var actual = hash.Length switch
        {
            64 => SHA256.HashData(content),
            96 => SHA384.HashData(content),
            128 => SHA512.HashData(content),
            _ => null,
        };
        return actual is not null && Convert.ToHexStringLower(actual).Equals(hash, StringComparison.OrdinalIgnoreCase);
    }

    internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
