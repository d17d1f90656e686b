using System.Security.Cryptography;
using EduCloud.Identity.Features.SignIn;
using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Scope;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EduCloud.Identity.Features.Clients;

public sealed record OidcClientDto(string ClientId, string DisplayName, string ClientType, IReadOnlyList<string> GrantTypes, IReadOnlyList<string> RedirectUris, bool BuiltIn);

/// <summary>The client secret is returned once, at creation; OpenIddict stores only its hash.</summary>
public sealed record CreatedOidcClient(OidcClientDto Client, string? ClientSecret);

/// <summary>
/// OIDC 客户端管理 (national administrators only): lists, registers and deletes relying parties through OpenIddict's
/// application manager. The password grant is not offered: it is reserved for the platform's own CLI. A
/// confidential client gets a generated secret, shown once; a public one must use PKCE. Every change is audited.
/// </summary>
internal static class OidcClientAdmin
{
    public sealed record Request(string? ClientId, string? DisplayName, string? ClientType, string[]? GrantTypes, string[]? RedirectUris);

    private static readonly string[] Offered = [GrantTypes.AuthorizationCode, GrantTypes.ClientCredentials, GrantTypes.RefreshToken];
    private static readonly string[] BuiltIn = [OidcClients.Cli, OidcClients.WebDemo, OidcClients.ServiceDemo];

    public static bool MayManage(ICurrentActor actor) => actor.Scope.IsSystem || actor.Roles.Contains(Role.NationalAdmin);

    public static async Task<IReadOnlyList<OidcClientDto>> ListAsync(IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        var list = new List<OidcClientDto>();
        await foreach (var app in apps.ListAsync(200, 0, ct))
        {
            list.Add(await ToDtoAsync(apps, app, ct));
        }
        return list.OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList();
    }

    public static async Task<CreatedOidcClient> CreateAsync(IOpenIddictApplicationManager apps, AuditTrail audit, Request request, CancellationToken ct)
    {
        var problems = new Problems();
        var clientId = request.ClientId?.Trim() ?? "";
        problems.Check(clientId.Length is >= 3 and <= 100 && clientId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'),
            "clientId", "客户端标识应为3-100位小写字母、数字或 - _ .");
        problems.Required(request.DisplayName, "displayName", "名称").MaxLength(request.DisplayName?.Trim(), 100, "displayName", "名称");
        var confidential = request.ClientType is not "public";
        problems.Check(request.ClientType is null or "public" or "confidential", "clientType", "客户端类型应为 public 或 confidential");
        var grants = (request.GrantTypes ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct().ToList();
        problems.Check(grants.Count > 0, "grantTypes", "至少选择一种授权方式");
        problems.Check(grants.All(Offered.Contains), "grantTypes", "授权方式只能是 authorization_code、client_credentials 或 refresh_token");
        problems.Check(confidential || !grants.Contains(GrantTypes.ClientCredentials), "grantTypes", "公开客户端不能使用 client_credentials（需要密钥）");
        var redirects = new List<Uri>();
        foreach (var text in (request.RedirectUris ?? []).SelectMany(r => r.Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            var ok = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && string.IsNullOrEmpty(uri.Fragment);
            problems.Check(ok, "redirectUris", $"回调地址无效：{text}");
            if (ok)
            {
                redirects.Add(uri!);
            }
        }
        problems.Check(!grants.Contains(GrantTypes.AuthorizationCode) || redirects.Count > 0, "redirectUris", "授权码方式至少需要一个回调地址");
        problems.ThrowIfAny();
        if (await apps.FindByClientIdAsync(clientId, ct) is not null)
        {
            throw new ConflictException("clientId", "该客户端标识已存在");
        }

        var secret = confidential ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_') : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            // Registered by the national administrator, so trusted: the platform has no consent screen (see AuthorizeEndpoint).
            ConsentType = ConsentTypes.Implicit,
            DisplayName = request.DisplayName!.Trim(),
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Prefixes.Scope + "api"]);
        foreach (var grant in grants)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
        }
        if (grants.Contains(GrantTypes.AuthorizationCode))
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.ResponseTypes.Code, Permissions.Scopes.Profile]);
            descriptor.RedirectUris.UnionWith(redirects);
            if (!confidential)
            {
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }
        var app = await apps.CreateAsync(descriptor, ct);
        await audit.RecordAsync(AuditActions.Create, "OidcClient", clientId, AuditOutcome.Success, $"{descriptor.ClientType}: {string.Join(",", grants)}", ct: ct);
        return new CreatedOidcClient(await ToDtoAsync(apps, app, ct), secret);
    }

    public static async Task DeleteAsync(IOpenIddictApplicationManager apps, AuditTrail audit, string clientId, CancellationToken ct)
    {
        if (BuiltIn.Contains(clientId))
        {
            throw new ConflictException("clientId", "平台内置客户端不能删除");
        }
        var app = await apps.FindByClientIdAsync(clientId, ct) ?? throw new NotFoundException("未找到该客户端");
        await apps.DeleteAsync(app, ct);
        await audit.RecordAsync(AuditActions.Delete, "OidcClient", clientId, AuditOutcome.Success, ct: ct);
    }

    private static async Task<OidcClientDto> ToDtoAsync(IOpenIddictApplicationManager apps, object app, CancellationToken ct)
    {
        var clientId = await apps.GetClientIdAsync(app, ct) ?? "";
        var permissions = await apps.GetPermissionsAsync(app, ct);
        var redirects = await apps.GetRedirectUrisAsync(app, ct);
        return new OidcClientDto(clientId, await apps.GetDisplayNameAsync(app, ct) ?? "", await apps.GetClientTypeAsync(app, ct) ?? "",
            permissions.Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.GrantType.Length..]).ToList(),
            redirects.Select(r => r.ToString()).ToList(), BuiltIn.Contains(clientId));
    }

    public static async Task<Ok<IReadOnlyList<OidcClientDto>>> ListEndpointAsync(IOpenIddictApplicationManager apps, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(apps, ct));

    public static async Task<Created<CreatedOidcClient>> CreateEndpointAsync(IOpenIddictApplicationManager apps, AuditTrail audit, Request request, CancellationToken ct)
    {
        var created = await CreateAsync(apps, audit, request, ct);
        return TypedResults.Created($"/api/v1/oidc-clients/{created.Client.ClientId}", created);
    }

    public static async Task<NoContent> DeleteEndpointAsync(IOpenIddictApplicationManager apps, AuditTrail audit, string clientId, CancellationToken ct)
    {
        await DeleteAsync(apps, audit, clientId, ct);
        return TypedResults.NoContent();
    }
}
