using System.Text.Json;

namespace EduCloud.Records.Json;

/// <summary>Agents and Groups (Data 2.4.2): exactly one inverse functional identifier for an Agent, members for a Group.</summary>
internal static class AgentRules
{
    private static readonly HashSet<string> AgentProps = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"];
    private static readonly HashSet<string> GroupProps = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"];
    private static readonly HashSet<string> AccountProps = ["homePage", "name"];
    private static readonly string[] Ifis = ["mbox", "mbox_sha1sum", "openid", "account"];
    private static readonly byte[][] IfisUtf8 = [.. Ifis.Select(System.Text.Encoding.UTF8.GetBytes)];

    public static void ActorOrGroup(StatementRules rules, JsonElement e, RulePath path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            rules.Fail(path, "must be an Agent or Group object");
            return;
        }
        var type = e.TryGetProperty("objectType"u8, out var t) ? StatementRules.TypeOf(t) : "Agent";
        if (type == "Group")
        {
            Group(rules, e, path);
        }
        else if (type == "Agent")
        {
            Agent(rules, e, path);
        }
        else
        {
            rules.Fail(path + ".objectType", "must be Agent or Group");
        }
    }

    public static void Agent(StatementRules rules, JsonElement e, RulePath path)
    {
        if (!rules.Object(e, path, AgentProps))
        {
            return;
        }
        var count = IfiCount(rules, e, path);
        if (count != 1)
        {
            rules.Fail(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account");
        }
    }

    private static void Group(StatementRules rules, JsonElement e, RulePath path)
    {
        if (!rules.Object(e, path, GroupProps))
        {
            return;
        }
        var count = IfiCount(rules, e, path);
        if (count > 1)
        {
            rules.Fail(path, "an identified Group must have only one of mbox, mbox_sha1sum, openid, account");
        }
        if (e.TryGetProperty("member"u8, out var member))
        {
            if (member.ValueKind != JsonValueKind.Array)
            {
                rules.Fail(path + ".member", "must be an array of Agents");
                return;
            }
            var i = 0;
            foreach (var m in member.EnumerateArray())
            {
                var p = (path + ".member").Item(i++);
                if (m.ValueKind == JsonValueKind.Object && m.TryGetProperty("objectType"u8, out var mt) && mt.ValueKind == JsonValueKind.String && mt.GetString() == "Group")
                {
                    rules.Fail(p, "a Group's members must be Agents, not Groups");
                }
                else
                {
                    Agent(rules, m, p);
                }
            }
        }
        else if (count == 0)
        {
            rules.Fail(path + ".member", "an anonymous Group must list its members");
        }
    }

    /// <summary>The authority: an Agent, or a Group of exactly two Agents (OAuth consumer + user).</summary>
    public static void Authority(StatementRules rules, JsonElement e, RulePath path)
    {
        ActorOrGroup(rules, e, path);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("objectType"u8, out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "Group"
            && (!e.TryGetProperty("member"u8, out var m) || m.ValueKind != JsonValueKind.Array || m.GetArrayLength() != 2))
        {
            rules.Fail(path + ".member", "a Group authority must have exactly two members");
        }
    }

    private static int IfiCount(StatementRules rules, JsonElement e, RulePath path)
    {
        var count = 0;
        Span<char> buffer = stackalloc char[256];
        for (var k = 0; k < Ifis.Length; k++)
        {
            var ifi = Ifis[k];
            if (!e.TryGetProperty(IfisUtf8[k], out var v))
            {
                continue;
            }
            count++;
            var p = path + "." + ifi;
            switch (ifi)
            {
                case "mbox" when v.ValueKind != JsonValueKind.String || !Grammar.IsMailto(StatementRules.TextOf(v, buffer)):
                    rules.Fail(p, "must be a mailto: IRI");
                    break;
                case "mbox_sha1sum" when v.ValueKind != JsonValueKind.String || !Grammar.IsSha1Hex(StatementRules.TextOf(v, buffer)):
                    rules.Fail(p, "must be the hex SHA-1 of a mailto: IRI");
                    break;
                case "openid":
                    rules.Iri(v, p);
                    break;
                case "account":
                    if (rules.Object(v, p, AccountProps) && rules.Required(v, "homePage", p, out var homePage) && rules.Required(v, "name", p, out var accountName))
                    {
                        rules.Iri(homePage, p + ".homePage");
                        if (accountName.ValueKind != JsonValueKind.String) { rules.Fail(p + ".name", "must be a string"); }
                    }
                    break;
            }
        }
        if (e.TryGetProperty("name"u8, out var name) && name.ValueKind != JsonValueKind.String)
        {
            rules.Fail(path + ".name", "must be a string");
        }
        return count;
    }
}
