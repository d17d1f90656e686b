using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EduCloud.Records.Domain;

namespace EduCloud.Records.Json;

/// <summary>What the store derives from a valid statement: identifier keys, the agents and activities it mentions,
/// its canonical hash (for "same id, same statement"), and the ids/canonical result formats.</summary>
internal static class StatementShape
{
    /// <summary>The key of an Agent or identified Group: one string per inverse functional identifier; null for an anonymous Group.</summary>
    public static string? IfiKey(JsonNode? agent)
    {
        if (agent is not JsonObject a) { return null; }
        if (a["mbox"] is JsonValue mbox) { return "mbox:" + mbox.GetValue<string>(); }
        if (a["mbox_sha1sum"] is JsonValue sha) { return "sha1:" + sha.GetValue<string>().ToLowerInvariant(); }
        if (a["openid"] is JsonValue openid) { return "openid:" + openid.GetValue<string>(); }
        if (a["account"] is JsonObject account) { return "account:" + account["homePage"]?.GetValue<string>() + "|" + account["name"]?.GetValue<string>(); }
        return null;
    }

    public static bool IsAgentOrGroup(JsonNode? node) => node is JsonObject o && (string?)o["objectType"] is "Agent" or "Group";

    public static string ObjectType(JsonNode? node) => node is JsonObject o ? (string?)o["objectType"] ?? "Activity" : "";

    /// <summary>The agents and activities of a statement for the agent/activity filters (Primary = actor or object), its authority included.</summary>
    public static List<(LinkKind Kind, string Key, bool Primary)> Links(JsonObject s) => Links(s, withAuthority: true);

    /// <summary>
    /// The links a writer stores: <see cref="Links(JsonObject)"/> without the authority's. Every statement a writer
    /// stores carries that writer's authority, so "authority is this agent" is "written by this writer", which the
    /// statement's (WrittenBy, Stored) index answers (ADR 0043); a link row per statement for it was a third of them.
    /// </summary>
    public static List<(LinkKind Kind, string Key, bool Primary)> StoredLinks(JsonObject s) => Links(s, withAuthority: false);

    private static List<(LinkKind Kind, string Key, bool Primary)> Links(JsonObject s, bool withAuthority)
    {
        var links = new List<(LinkKind, string, bool)>();
        void Agent(JsonNode? node, bool primary)
        {
            if (node is not JsonObject a) { return; }
            if (IfiKey(a) is { } key) { links.Add((LinkKind.Agent, key, primary)); }
            if (a["member"] is JsonArray members)
            {
                foreach (var m in members) { if (IfiKey(m) is { } mk) { links.Add((LinkKind.Agent, mk, false)); } }
            }
        }
        void Activity(JsonNode? node, bool primary)
        {
            if (node is JsonObject a && (string?)a["id"] is { } id) { links.Add((LinkKind.Activity, id, primary)); }
        }
        void Context(JsonNode? node)
        {
            if (node is not JsonObject c) { return; }
            Agent(c["instructor"], false);
            Agent(c["team"], false);
            if (c["contextActivities"] is JsonObject ca)
            {
                foreach (var (_, value) in ca)
                {
                    if (value is JsonArray list) { foreach (var x in list) { Activity(x, false); } }
                    else { Activity(value, false); }
                }
            }
        }
        void Statement(JsonObject st, bool top)
        {
            Agent(st["actor"], top);
            var obj = st["object"];
            switch (ObjectType(obj))
            {
                case "Activity": Activity(obj, top); break;
                case "Agent" or "Group": Agent(obj, top); break;
                case "SubStatement": Statement((JsonObject)obj!, false); break;
            }
            Context(st["context"]);
        }
        Statement(s, true);
        if (withAuthority) { Agent(s["authority"], false); }
        return OnePerKey(links);
    }

    /// <summary>
    /// One link per (kind, key), primary if any mention is, in order of first mention: the filters join statements to
    /// their links, so a second row for the same key would return the statement twice (ADR 0025).
    /// </summary>
    /// <remarks>A statement names a handful of agents and activities: a pairwise scan in place, not a LINQ grouping
    /// (a lookup and its groupings per statement showed in the batch profile).</remarks>
    public static List<(LinkKind Kind, string Key, bool Primary)> OnePerKey(List<(LinkKind Kind, string Key, bool Primary)> links)
    {
        var kept = 0;
        for (var i = 0; i < links.Count; i++)
        {
            var (kind, key, primary) = links[i];
            var seen = -1;
            for (var j = 0; j < kept; j++)
            {
                if (links[j].Kind == kind && string.Equals(links[j].Key, key, StringComparison.Ordinal)) { seen = j; break; }
            }
            if (seen < 0) { links[kept++] = (kind, key, primary); }
            else if (primary) { links[seen] = (kind, key, true); }
        }
        links.RemoveRange(kept, links.Count - kept);
        return links;
    }

    /// <summary>SHA-256 of the statement with sorted keys, without the properties the LRS sets (stored, authority, version).</summary>
    /// <remarks>Written straight from the nodes into one buffer: the same bytes as a sorted deep copy's ToJsonString
    /// (the hashes already stored must keep matching), without building that copy for every statement.</remarks>
    public static string SubmittedHash(JsonObject s)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in s.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (key is "stored" or "authority" or "version") { continue; }
                writer.WritePropertyName(key);
                WriteSorted(writer, value);
            }
            writer.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var x in a) { WriteSorted(writer, x); }
                writer.WriteEndArray();
                break;
            case null: writer.WriteNullValue(); break;
            default: node.WriteTo(writer); break;
        }
    }

    /// <summary>format=ids: agents by identifier only, activities and verbs by id only.</summary>
    public static JsonObject Ids(JsonObject s)
    {
        var copy = (JsonObject)s.DeepClone();
        IdsStatement(copy);
        if (copy["authority"] is JsonObject auth) { copy["authority"] = IdsAgent(auth); }
        return copy;
    }

    private static void IdsStatement(JsonObject s)
    {
        if (s["actor"] is JsonObject actor) { s["actor"] = IdsAgent(actor); }
        if (s["verb"] is JsonObject verb) { s["verb"] = new JsonObject { ["id"] = verb["id"]?.DeepClone() }; }
        if (s["object"] is JsonObject obj)
        {
            switch (ObjectType(obj))
            {
                case "Activity": s["object"] = new JsonObject { ["objectType"] = "Activity", ["id"] = obj["id"]?.DeepClone() }; break;
                case "Agent" or "Group": s["object"] = IdsAgent(obj); break;
                case "SubStatement": IdsStatement(obj); break;
            }
        }
        if (s["context"] is JsonObject c)
        {
            if (c["instructor"] is JsonObject i) { c["instructor"] = IdsAgent(i); }
            if (c["team"] is JsonObject t) { c["team"] = IdsAgent(t); }
            if (c["contextActivities"] is JsonObject ca)
            {
                foreach (var key in ca.Select(p => p.Key).ToList())
                {
                    var list = ca[key] is JsonArray arr ? arr.ToList() : [ca[key]];
                    ca[key] = new JsonArray(list.Select(a => (JsonNode)new JsonObject { ["id"] = a?["id"]?.DeepClone() }).ToArray());
                }
            }
        }
    }

    private static JsonObject IdsAgent(JsonObject a)
    {
        var result = new JsonObject { ["objectType"] = (string?)a["objectType"] ?? "Agent" };
        foreach (var ifi in new[] { "mbox", "mbox_sha1sum", "openid", "account" })
        {
            if (a[ifi] is { } v) { result[ifi] = v.DeepClone(); }
        }
        if (IfiKey(a) is null && a["member"] is JsonArray members)
        {
            result["member"] = new JsonArray(members.OfType<JsonObject>().Select(m => (JsonNode)IdsAgent(m)).ToArray());
        }
        return result;
    }

    /// <summary>format=canonical: every language map reduced to the one language that best fits Accept-Language.</summary>
    public static JsonObject Canonical(JsonObject s, IReadOnlyList<string> languages)
    {
        var copy = (JsonObject)s.DeepClone();
        Reduce(copy, languages);
        return copy;
    }

    private static void Reduce(JsonNode? node, IReadOnlyList<string> languages)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (key == "extensions") { continue; }
                    if (key is "display" or "name" or "description" && o[key] is JsonObject map && map.Count > 1)
                    {
                        var pick = languages.Select(l => map.FirstOrDefault(p => p.Key.Equals(l, StringComparison.OrdinalIgnoreCase) || p.Key.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase)))
                            .FirstOrDefault(p => p.Key is not null);
                        if (pick.Key is null) { pick = map.First(); }
                        o[key] = new JsonObject { [pick.Key] = pick.Value?.DeepClone() };
                    }
                    else
                    {
                        Reduce(o[key], languages);
                    }
                }
                break;
            case JsonArray a:
                foreach (var x in a) { Reduce(x, languages); }
                break;
        }
    }

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
