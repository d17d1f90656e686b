using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Identity.Contracts;
using EduCloud.Kernel.Scope;
using EduCloud.Records.Data;
using EduCloud.Records.Json;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Records.Features.Documents;

/// <summary>GET /xapi/about, /xapi/activities (the newest definition seen) and /xapi/agents (the Person object).</summary>
internal static class DescribeResources
{
    public static IResult About() => TypedResults.Json(new JsonObject
    {
        ["version"] = new JsonArray(XapiHttp.Versions.Select(v => (JsonNode)v).ToArray()),
        ["extensions"] = new JsonObject(),
    });

    public static async Task<IResult> ActivityAsync(HttpContext http, RecordsDbContext db, CancellationToken ct)
    {
        var q = http.Request.Query;
        if (q.Keys.Any(k => k != "activityId")) { return XapiHttp.Bad("activities takes only the activityId parameter"); }
        var id = q["activityId"].ToString();
        if (id.Length == 0 || !Grammar.IsIri(id)) { return XapiHttp.Bad("activityId: an IRI is required"); }
        var known = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => a.Json).FirstOrDefaultAsync(ct);
        var activity = known is null ? new JsonObject { ["objectType"] = "Activity", ["id"] = id } : StatementShape.Parse(known);
        activity["objectType"] = "Activity";
        return TypedResults.Text(activity.ToJsonString(), "application/json");
    }

    /// <summary>
    /// Person: every identifier and name the LRS knows for the agent. One of our accounts is known by two account
    /// names, its id and its user name, and statements may use either; both are listed when the caller may read about
    /// that person (the same rule as for their statements), otherwise only what the caller gave.
    /// </summary>
    public static async Task<IResult> AgentAsync(HttpContext http, ICurrentActor actor, IAccountPlacement placement, CancellationToken ct)
    {
        var q = http.Request.Query;
        if (q.Keys.Any(k => k != "agent")) { return XapiHttp.Bad("agents takes only the agent parameter"); }
        JsonNode? agent;
        try { agent = JsonNode.Parse(q["agent"].ToString()); } catch (JsonException) { return XapiHttp.Bad("agent: an Agent JSON object is required"); }
        var rules = new StatementRules();
        AgentRules.Agent(rules, JsonSerializer.SerializeToElement(agent), "agent");
        if (rules.Errors.Count > 0) { return XapiHttp.Bad(rules.Errors[0]); }
        var person = new JsonObject { ["objectType"] = "Person" };
        foreach (var key in new[] { "name", "mbox", "mbox_sha1sum", "openid", "account" })
        {
            if (agent![key] is { } v) { person[key] = new JsonArray(v.DeepClone()); }
        }
        var home = XapiHttp.HomePage(http.RequestServices);
        if (await Learners.FindAsync(agent, home, placement, ct) is { } learner && (await XapiHttp.WriterAsync(http, actor, placement, ct)).MayWriteAbout(learner))
        {
            person["account"] = new JsonArray(
                new JsonObject { ["homePage"] = (string?)agent!["account"]!["homePage"], ["name"] = learner.Id.ToString() },
                new JsonObject { ["homePage"] = (string?)agent["account"]!["homePage"], ["name"] = learner.UserName });
        }
        return TypedResults.Text(person.ToJsonString(), "application/json");
    }
}
