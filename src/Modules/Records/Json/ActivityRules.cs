using System.Text.Json;

namespace EduCloud.Records.Json;

/// <summary>Activities and their definitions (Data 2.4.4.1), including the interaction component rules.</summary>
internal static class ActivityRules
{
    private static readonly HashSet<string> ActivityProps = ["objectType", "id", "definition"];
    private static readonly HashSet<string> DefinitionProps =
        ["name", "description", "type", "moreInfo", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps", "extensions"];
    private static readonly HashSet<string> ComponentProps = ["id", "description"];
    private static readonly Dictionary<string, string[]> ComponentsByType = new()
    {
        ["true-false"] = [],
        ["choice"] = ["choices"],
        ["fill-in"] = [],
        ["long-fill-in"] = [],
        ["matching"] = ["source", "target"],
        ["performance"] = ["steps"],
        ["sequencing"] = ["choices"],
        ["likert"] = ["scale"],
        ["numeric"] = [],
        ["other"] = [],
    };
    private static readonly string[] ComponentLists = ["choices", "scale", "source", "target", "steps"];

    public static void Activity(StatementRules rules, JsonElement e, RulePath path)
    {
        if (!rules.Object(e, path, ActivityProps))
        {
            return;
        }
        if (e.TryGetProperty("objectType"u8, out var t) && (t.ValueKind != JsonValueKind.String || !t.ValueEquals("Activity"u8)))
        {
            rules.Fail(path + ".objectType", "must be Activity");
        }
        if (rules.Required(e, "id", path, out var id))
        {
            rules.Iri(id, path + ".id");
        }
        if (e.TryGetProperty("definition"u8, out var definition))
        {
            Definition(rules, definition, path + ".definition");
        }
    }

    public static void Definition(StatementRules rules, JsonElement d, RulePath path)
    {
        if (!rules.Object(d, path, DefinitionProps))
        {
            return;
        }
        if (d.TryGetProperty("name"u8, out var name)) { rules.LanguageMap(name, path + ".name"); }
        if (d.TryGetProperty("description"u8, out var description)) { rules.LanguageMap(description, path + ".description"); }
        if (d.TryGetProperty("type"u8, out var type)) { rules.Iri(type, path + ".type"); }
        if (d.TryGetProperty("moreInfo"u8, out var more)) { rules.Iri(more, path + ".moreInfo"); }
        if (d.TryGetProperty("extensions"u8, out var ext)) { rules.Extensions(ext, path + ".extensions"); }
        string[] allowedLists = [];
        if (d.TryGetProperty("interactionType"u8, out var it))
        {
            if (it.ValueKind != JsonValueKind.String || !ComponentsByType.TryGetValue(it.GetString()!, out allowedLists!))
            {
                rules.Fail(path + ".interactionType", "must be one of " + string.Join(", ", ComponentsByType.Keys));
                allowedLists = ComponentLists;
            }
        }
        else if (d.TryGetProperty("correctResponsesPattern"u8, out _))
        {
            rules.Fail(path + ".interactionType", "is required with correctResponsesPattern");
        }
        if (d.TryGetProperty("correctResponsesPattern"u8, out var crp))
        {
            if (crp.ValueKind != JsonValueKind.Array || crp.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            {
                rules.Fail(path + ".correctResponsesPattern", "must be an array of strings");
            }
        }
        foreach (var list in ComponentLists)
        {
            if (!d.TryGetProperty(list, out var components))
            {
                continue;
            }
            if (!allowedLists.Contains(list))
            {
                rules.Fail($"{path}.{list}", "is not allowed for this interactionType");
                continue;
            }
            Components(rules, components, path + "." + list);
        }
    }

    private static void Components(StatementRules rules, JsonElement list, RulePath path)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            rules.Fail(path, "must be an array of interaction components");
            return;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var c in list.EnumerateArray())
        {
            var p = path.Item(i++);
            if (!rules.Object(c, p, ComponentProps) || !rules.Required(c, "id", p))
            {
                continue;
            }
            var id = c.GetProperty("id"u8);
            if (id.ValueKind != JsonValueKind.String) { rules.Fail(p + ".id", "must be a string"); }
            else if (!ids.Add(id.GetString()!)) { rules.Fail(p + ".id", "must be unique within the list"); }
            if (c.TryGetProperty("description"u8, out var desc)) { rules.LanguageMap(desc, p + ".description"); }
        }
    }
}
