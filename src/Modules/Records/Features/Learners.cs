using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;

namespace EduCloud.Records.Features;

/// <summary>
/// Maps an xAPI agent to one of our accounts: {"account":{"homePage": our home page, "name": account id or user
/// name}}. Statements and documents about a mapped learner sit at the learner's place (their class), so the
/// learner, their parents, their teachers and administrators above see them; anything else sits with the writer.
/// </summary>
internal static class Learners
{
    public static Task<PlacedAccount?> FindAsync(JsonNode? agent, string homePage, IAccountPlacement placement, CancellationToken ct) =>
        FindAsync(agent, homePage, () => placement, ct);

    /// <summary>As above; the look-up service is resolved only for an agent that names one of our accounts (an mbox agent needs none).</summary>
    public static async Task<PlacedAccount?> FindAsync(JsonNode? agent, string homePage, Func<IAccountPlacement> lookUp, CancellationToken ct)
    {
        if (agent?["account"] is not JsonObject account || (string?)account["homePage"] is not { } home || !string.Equals(home.TrimEnd('/'), homePage, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var name = (string?)account["name"];
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        var placement = lookUp();
        return Guid.TryParse(name, out var id) ? await placement.FindAsync(id, ct) : await placement.FindByUserNameAsync(name, ct);
    }

    /// <summary>As above, on the parsed request element.</summary>
    public static async ValueTask<PlacedAccount?> FindAsync(System.Text.Json.JsonElement agent, string homePage, IAccountPlacement placement, CancellationToken ct)
    {
        var account = Json.ElementShape.Property(agent, "account");
        if (Json.ElementShape.Text(account, "homePage") is not { } home || !string.Equals(home.TrimEnd('/'), homePage, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var name = Json.ElementShape.Text(account, "name");
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        return Guid.TryParse(name, out var id) ? await placement.FindAsync(id, ct) : await placement.FindByUserNameAsync(name, ct);
    }
}
