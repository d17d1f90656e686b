using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Data;
using EduCloud.Records.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EduCloud.Records.Features.Clients;

/// <summary>
/// Credentials for outside xAPI tools (HTTP Basic key:secret, as LRS clients expect). A person issues them and
/// the tool then acts within that person's scope; the secret is shown once and only its SHA-256 is kept (it is
/// 32 random bytes, so a slow hash adds nothing).
/// </summary>
internal static class LrsClientCredentials
{
    public sealed record IssueRequest(string Name);

    public sealed record Issued(Guid Id, string Name, string Key, string Secret);

    public sealed record Listed(Guid Id, string Name, string Key, DateTime CreatedAt, DateTime? RevokedAt);

    public static async Task<Issued> IssueAsync(RecordsDbContext db, ICurrentActor actor, TimeProvider clock, IssueRequest request, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            throw ValidationFailedException.For("name", "请填写客户端名称（不超过100字）");
        }
        var key = "lrs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new LrsClient { Key = key, SecretHash = Hash(secret), Name = name, IssuedBy = actor.UserId ?? throw new ForbiddenException("需要登录"), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return new Issued(client.Id, name, key, secret);
    }

    public static async Task<IResult> IssueEndpointAsync(IssueRequest request, RecordsDbContext db, ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await IssueAsync(db, actor, clock, request, ct));

    public static async Task<IResult> ListEndpointAsync(RecordsDbContext db, ICurrentActor actor, CancellationToken ct) =>
        TypedResults.Ok(await db.Clients.AsNoTracking().Where(c => c.IssuedBy == actor.UserId).OrderBy(c => c.CreatedAt)
            .Select(c => new Listed(c.Id, c.Name, c.Key, c.CreatedAt, c.RevokedAt)).ToListAsync(ct));

    public static async Task<IResult> RevokeEndpointAsync(Guid id, RecordsDbContext db, ICurrentActor actor, TimeProvider clock, IMemoryCache cache, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id && c.IssuedBy == actor.UserId, ct) ?? throw new NotFoundException("没有这个客户端");
        client.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        // This server forgets it at once; other servers within KnownClients.CacheFor.
        cache.Remove(KnownClients.Key(client.Key));
        return TypedResults.NoContent();
    }

    internal static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Unrevoked LRS clients by key, remembered for <see cref="CacheFor"/>: a tool posting statements one by one sent a
/// client query per request, more database work than the statement itself (benchmarks, issue 5 `xapifast`). A revoke
/// on this server forgets the client at once; on another server it is refused at most CacheFor later. Unknown keys are
/// not remembered (nothing to gain, and guessed keys would fill the cache).
/// </summary>
internal static class KnownClients
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public sealed record Known(Guid Id, string Name, Guid IssuedBy, byte[] SecretHash);

    public static string Key(string clientKey) => "records:lrs-client:" + clientKey;

    public static async Task<Known?> FindAsync(HttpContext http, IMemoryCache cache, string key)
    {
        if (cache.TryGetValue(Key(key), out Known? known))
        {
            return known;
        }
        var db = http.RequestServices.GetRequiredService<RecordsDbContext>();
        var client = await db.Clients.AsNoTracking().Where(c => c.Key == key && c.RevokedAt == null)
            .Select(c => new { c.Id, c.Name, c.IssuedBy, c.SecretHash }).FirstOrDefaultAsync(http.RequestAborted);
        if (client is null)
        {
            return null;
        }
        known = new Known(client.Id, client.Name, client.IssuedBy, Encoding.ASCII.GetBytes(client.SecretHash));
        cache.Set(Key(key), known, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        return known;
    }
}

/// <summary>The "basic" authentication scheme: a valid, unrevoked key:secret becomes its issuer's principal, marked as the client.</summary>
internal sealed class LrsBasicHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        // LRS credentials open the xAPI endpoints only, never the rest of the platform as their issuer.
        if (!Request.Path.StartsWithSegments("/xapi") || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }
        var colon = decoded.IndexOf(':');
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("malformed Basic credentials");
        }
        var client = await KnownClients.FindAsync(Context, cache, decoded[..colon]);
        var hash = LrsClientCredentials.Hash(decoded[(colon + 1)..]);
        if (client is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), client.SecretHash))
        {
            return AuthenticateResult.Fail("unknown or revoked LRS client");
        }
        var identity = new ClaimsIdentity(Scheme.Name, "name", "role");
        identity.AddClaim(new Claim("sub", client.IssuedBy.ToString()));
        identity.AddClaim(new Claim(XapiHttp.ClientClaim, client.Id.ToString()));
        identity.AddClaim(new Claim(XapiHttp.ClientNameClaim, client.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"xapi\"";
        return Task.CompletedTask;
    }
}
