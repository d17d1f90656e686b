using System.Security.Claims;
using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Records.Features;

/// <summary>
/// What every /xapi request shares (xAPI Communication 1.2, 3.3, 4.0): the version header on requests and responses,
/// authentication (401 with a Basic challenge), and the writer of the request (authority, place, scope).
/// </summary>
internal static class XapiHttp
{
    public const string Version = "1.0.3";
    public static readonly string[] Versions = ["1.0.3", "1.0.2", "1.0.1", "1.0.0"];
    public const string ClientClaim = "xapi_client";
    public const string ClientNameClaim = "xapi_client_name";

    public static IResult Error(int status, string message) => TypedResults.Json(new { error = message }, statusCode: status);

    public static IResult Bad(string message) => Error(StatusCodes.Status400BadRequest, message);

    /// <summary>The filter on the /xapi group: version header, then authentication (the about resource needs neither).</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // OnStarting survives the exception handler's Response.Clear(), so error answers carry the header too.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers["X-Experience-API-Version"] = Version;
            return Task.CompletedTask;
        });
        if (HttpMethods.IsHead(http.Request.Method))
        {
            // HEAD answers like GET without the body (Communication 1.1); Kestrel drops it too, this makes it explicit.
            http.Response.Body = Stream.Null;
        }
        if (http.Request.Path.StartsWithSegments("/xapi/about"))
        {
            return await next(context);
        }
        if (http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"xapi\"";
            return Error(StatusCodes.Status401Unauthorized, "authentication required (HTTP Basic with LRS client credentials, or a bearer token)");
        }
        var version = http.Request.Headers["X-Experience-API-Version"].ToString();
        if (version.Length == 0)
        {
            return Bad("X-Experience-API-Version header is required");
        }
        if (!Json.StatementRules.VersionOk(version))
        {
            return Bad($"X-Experience-API-Version {version} is not supported; supported: {string.Join(", ", Versions)}");
        }
        return await next(context);
    }

    /// <summary>Our accounts' homePage in agent objects: {"account":{"homePage": HomePage, "name": "&lt;account id or user name&gt;"}}.</summary>
    public static string HomePage(IServiceProvider services) =>
        (services.GetRequiredService<RecordsOptions>().HomePage).TrimEnd('/');

    public static Task<Writer> WriterAsync(HttpContext http, ICurrentActor actor, IAccountPlacement placement, CancellationToken ct) =>
        WriterAsync(http, actor, ct, placement);

    /// <summary>The writer; the account look-up (and its DbContext) is resolved only when the place is not remembered.</summary>
    public static async Task<Writer> WriterAsync(HttpContext http, ICurrentActor actor, CancellationToken ct, IAccountPlacement? placement = null)
    {
        var home = HomePage(http.RequestServices);
        var person = actor.UserId ?? Guid.Empty;
        var place = await WriterPlaceAsync(http, placement, person, ct);
        var clientId = http.User.FindFirstValue(ClientClaim);
        JsonObject authority = clientId is not null
            ? new() { ["objectType"] = "Agent", ["name"] = http.User.FindFirstValue(ClientNameClaim), ["account"] = new JsonObject { ["homePage"] = home + ClientsHomePath, ["name"] = clientId } }
            : new() { ["objectType"] = "Agent", ["name"] = actor.DisplayName, ["account"] = new JsonObject { ["homePage"] = home, ["name"] = person.ToString() } };
        return new Writer(clientId is not null ? Guid.Parse(clientId) : person, person, place ?? new ScopeKey("", "", "", null, null), authority, actor.Scope);
    }

    /// <summary>
    /// The writer whose authority (as <see cref="WriterAsync"/> and RecordLearningAct stamp it) has this agent key: a
    /// client's, a person's, or the platform's (<see cref="Guid.Empty"/>); null for any other agent.
    /// </summary>
    public static Guid? WriterWithAuthority(string agentKey, string homePage)
    {
        var clients = "account:" + homePage + ClientsHomePath + "|";
        var people = "account:" + homePage + "|";
        if (agentKey.StartsWith(clients, StringComparison.Ordinal))
        {
            return Guid.TryParseExact(agentKey.AsSpan(clients.Length), "D", out var client) ? client : null;
        }
        if (!agentKey.StartsWith(people, StringComparison.Ordinal)) { return null; }
        var name = agentKey.AsSpan(people.Length);
        if (name.SequenceEqual(PlatformAccount)) { return Guid.Empty; }
        return Guid.TryParseExact(name, "D", out var person) ? person : null;
    }

    /// <summary>Under our home page, the homePage of a client's authority account (its name is the client id).</summary>
    private const string ClientsHomePath = "/xapi/clients";

    /// <summary>The account name of the platform's own authority (statements other modules record, RecordLearningAct).</summary>
    public const string PlatformAccount = "educloud";

    /// <summary>
    /// The writer's home place, remembered as long as their scope is (30 s, Identity's ScopeLoader): a tool posting
    /// statements one by one looked the same account up on every request.
    /// </summary>
    private static async Task<ScopeKey?> WriterPlaceAsync(HttpContext http, IAccountPlacement? placement, Guid person, CancellationToken ct)
    {
        var cache = http.RequestServices.GetRequiredService<IMemoryCache>();
        var key = "records:writer-place:" + person.ToString("N");
        if (cache.TryGetValue(key, out ScopeKey? place))
        {
            return place;
        }
        placement ??= http.RequestServices.GetRequiredService<IAccountPlacement>();
        place = (await placement.FindAsync(person, ct))?.Place;
        cache.Set(key, place, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = WriterPlaceFor, Size = 1 });
        return place;
    }

    private static readonly TimeSpan WriterPlaceFor = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Who writes: <see cref="WrittenBy"/> (the client or the person), the person whose scope applies
/// (<see cref="PersonId"/>; the issuer of a client), their place, the authority to stamp, and their scope.
/// </summary>
internal sealed record Writer(Guid WrittenBy, Guid PersonId, ScopeKey Place, JsonObject Authority, DataScope Scope)
{
    /// <summary>May this writer record statements or documents about the person at this place?</summary>
    public bool MayWriteAbout(PlacedAccount learner) =>
        learner.Id == PersonId || Scope.IsSystem || Scope.People.Contains(learner.Id) || Scope.CanRead(learner.Place);
}

internal sealed class RecordsOptions
{
    public string HomePage { get; init; } = "https://www.educloud.cn";
    /// <summary>The most statements one GET returns; a `more` link continues.</summary>
    public int MaxPage { get; init; } = 500;
}
