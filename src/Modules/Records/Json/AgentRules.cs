using System.Text.Json;

namespace EduCloud.Records.Json;

/// <summary>Agents and Groups (Data 2.4.2): exactly one inverse functional identifier for an Agent, members for a Group.</summary>
internal static class AgentRules
{
    public static void ActorOrGroup(StatementRules rules, JsonElement e, RulePath path)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            rules.Fail(path, "must be an Agent or Group object");
            return;
        }
        var type = StatementRules.TryGetObjectType(e, out var t) ? StatementRules.TypeOf(t) : "Agent";
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
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!rules.Properties<AgentNames>(e, path, v))
        {
            return;
        }
        var count = IfiCount(rules, v, path);
        if (count != 1)
        {
            rules.Fail(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account");
        }
    }

    private static void Group(StatementRules rules, JsonElement e, RulePath path)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!rules.Properties<GroupNames>(e, path, v))
        {
            return;
        }
        var count = IfiCount(rules, v, path);
        if (count > 1)
        {
            rules.Fail(path, "an identified Group must have only one of mbox, mbox_sha1sum, openid, account");
        }
        var member = v[AgentNames.Member];
        if (StatementRules.Given(member))
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
                if (m.ValueKind == JsonValueKind.Object && StatementRules.TryGetObjectType(m, out var mt) && mt.ValueKind == JsonValueKind.String && mt.ValueEquals("Group"u8))
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
        if (e.ValueKind == JsonValueKind.Object && StatementRules.TryGetObjectType(e, out var t) && t.ValueKind == JsonValueKind.String && t.ValueEquals("Group"u8)
            && (!e.TryGetProperty("member"u8, out var m) || m.ValueKind != JsonValueKind.Array || m.GetArrayLength() != 2))
        {
            rules.Fail(path + ".member", "a Group authority must have exactly two members");
        }
    }

    /// <summary>Checks each inverse functional identifier given (in the order mbox, mbox_sha1sum, openid, account) and the name; counts the identifiers.</summary>
    private static int IfiCount(StatementRules rules, Span<JsonElement> v, RulePath path)
    {
        var count = 0;
        Span<char> buffer = stackalloc char[256];
        var mbox = v[AgentNames.Mbox];
        if (StatementRules.Given(mbox))
        {
            count++;
            if (mbox.ValueKind != JsonValueKind.String || !Grammar.IsMailto(StatementRules.TextOf(mbox, buffer))) { rules.Fail(path + ".mbox", "must be a mailto: IRI"); }
        }
        var sha1 = v[AgentNames.MboxSha1sum];
        if (StatementRules.Given(sha1))
        {
            count++;
            if (sha1.ValueKind != JsonValueKind.String || !Grammar.IsSha1Hex(StatementRules.TextOf(sha1, buffer))) { rules.Fail(path + ".mbox_sha1sum", "must be the hex SHA-1 of a mailto: IRI"); }
        }
        var openid = v[AgentNames.Openid];
        if (StatementRules.Given(openid))
        {
            count++;
            rules.Iri(openid, path + ".openid");
        }
        var account = v[AgentNames.Account];
        if (StatementRules.Given(account))
        {
            count++;
            var p = path + ".account";
            var accountValues = new PropertyValues();
            Span<JsonElement> a = accountValues;
            if (rules.Properties<AccountNames>(account, p, a) && rules.Required(a[AccountNames.HomePage], "homePage", p) && rules.Required(a[AccountNames.Name], "name", p))
            {
                rules.Iri(a[AccountNames.HomePage], p + ".homePage");
                if (a[AccountNames.Name].ValueKind != JsonValueKind.String) { rules.Fail(p + ".name", "must be a string"); }
            }
        }
        var name = v[AgentNames.Name];
        if (StatementRules.Given(name) && name.ValueKind != JsonValueKind.String)
        {
            rules.Fail(path + ".name", "must be a string");
        }
        return count;
    }

    private readonly struct AgentNames : IPropertyNames
    {
        public const int ObjectType = 0, Name = 1, Mbox = 2, MboxSha1sum = 3, Openid = 4, Account = 5, Member = 6;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch
        {
            "objectType" => ObjectType, "name" => Name, "mbox" => Mbox, "mbox_sha1sum" => MboxSha1sum, "openid" => Openid, "account" => Account,
            _ => -1,
        };
    }

    /// <summary>A Group's names: an Agent's, and member.</summary>
    private readonly struct GroupNames : IPropertyNames
    {
        public static int SlotOf(ReadOnlySpan<char> name) => name is "member" ? AgentNames.Member : AgentNames.SlotOf(name);
    }

    private readonly struct AccountNames : IPropertyNames
    {
        public const int HomePage = 0, Name = 1;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch { "homePage" => HomePage, "name" => Name, _ => -1 };
    }
}
