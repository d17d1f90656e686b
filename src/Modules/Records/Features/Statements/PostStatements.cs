using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Data;
using Microsoft.Extensions.DependencyInjection;

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
        using var request = await ReadStatementsBody.ReadAsync(http.Request, ct);
        if (request.Error is not null) { return XapiHttp.Bad(request.Error); }
        var (body, parts) = (request.Body, request.Parts);
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
        // The elements, and the node trees made over them, read the request's pooled bytes: the document is disposed
        // (and the bytes returned) when the request leaves this method, after the statements are stored.
        using var request = await ReadStatementsBody.ReadAsync(http.Request, ct);
        if (request.Error is not null) { return XapiHttp.Bad(request.Error); }
        var (body, parts) = (request.Body, request.Parts);
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
}
