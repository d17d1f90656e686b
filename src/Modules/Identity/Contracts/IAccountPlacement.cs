using EduCloud.Kernel.Scope;

namespace EduCloud.Identity.Contracts;

/// <summary>
/// Where an account sits in the organisation tree, by id or user name. Other modules (the learning record store)
/// use it to place rows about a person where that person's teachers and administrators can see them. It answers
/// with the place only (no personal data), whatever the caller's scope: placing is not reading the account.
/// </summary>
public interface IAccountPlacement
{
    Task<PlacedAccount?> FindAsync(Guid accountId, CancellationToken ct);

    Task<PlacedAccount?> FindByUserNameAsync(string userName, CancellationToken ct);
}

public sealed record PlacedAccount(Guid Id, string UserName, ScopeKey Place);

/// <summary>
/// HTTP Basic credentials are checked by the module that issues them (the learning record store's clients), under
/// this scheme name. The principal it builds carries the issuing person's account id as "sub", so the request
/// acts within that person's scope.
/// </summary>
public static class BasicCredentials
{
    public const string Scheme = "basic";
}
