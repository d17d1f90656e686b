using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Domain;
using EduCloud.Records.Json;

namespace EduCloud.Records.Features.Documents;

/// <summary>
/// The parameters that address a document (Communication 2.3, 2.6, 2.7): activityId + agent (+ registration) +
/// stateId for State, activityId + profileId for Activity Profile, agent + profileId for Agent Profile.
/// DocumentId is "" when a request addresses the set (GET ids, DELETE all states).
/// </summary>
internal sealed record DocumentAddress(DocumentKind Kind, string ActivityId, string AgentKey, JsonNode? Agent, string Registration, string DocumentId, long? Since)
{
    private static readonly Dictionary<DocumentKind, HashSet<string>> Allowed = new()
    {
        [DocumentKind.State] = ["activityId", "agent", "registration", "stateId", "since"],
        [DocumentKind.ActivityProfile] = ["activityId", "profileId", "since"],
        [DocumentKind.AgentProfile] = ["agent", "profileId", "since"],
    };

    public static string IdParameter(DocumentKind kind) => kind == DocumentKind.State ? "stateId" : "profileId";

    public static (DocumentAddress? Address, string? Error) Parse(DocumentKind kind, IQueryCollection q)
    {
        if (q.Keys.FirstOrDefault(k => !Allowed[kind].Contains(k)) is { } unknown)
        {
            return (null, $"{unknown}: not a parameter of this resource");
        }
        var activityId = "";
        if (kind != DocumentKind.AgentProfile)
        {
            activityId = q["activityId"].ToString();
            if (activityId.Length == 0) { return (null, "activityId: is required"); }
            if (!Grammar.IsIri(activityId)) { return (null, "activityId: must be an IRI"); }
        }
        var agentKey = "";
        JsonNode? agent = null;
        if (kind != DocumentKind.ActivityProfile)
        {
            var agentJson = q["agent"].ToString();
            if (agentJson.Length == 0) { return (null, "agent: is required"); }
            try { agent = JsonNode.Parse(agentJson); } catch (JsonException) { return (null, "agent: must be an Agent JSON object"); }
            var rules = new StatementRules();
            AgentRules.ActorOrGroup(rules, JsonSerializer.SerializeToElement(agent), "agent");
            if (rules.Errors.Count > 0) { return (null, rules.Errors[0]); }
            agentKey = StatementShape.IfiKey(agent) ?? "";
            if (agentKey.Length == 0) { return (null, "agent: must carry an identifier"); }
        }
        var registration = "";
        if (kind == DocumentKind.State && q["registration"].ToString() is { Length: > 0 } reg)
        {
            if (!Grammar.IsUuid(reg)) { return (null, "registration: must be a UUID"); }
            registration = reg.ToLowerInvariant();
        }
        long? since = null;
        if (q["since"].ToString() is { Length: > 0 } sinceText)
        {
            if (!Grammar.TryTimestamp(sinceText, out var at)) { return (null, "since: must be an ISO 8601 timestamp"); }
            since = Grammar.Micros(at);
        }
        return (new DocumentAddress(kind, activityId, agentKey, agent, registration, q[IdParameter(kind)].ToString(), since), null);
    }
}
