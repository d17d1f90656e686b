using System.Text.Json;

namespace EduCloud.Records.Json;

/// <summary>Activities and their definitions (Data 2.4.4.1), including the interaction component rules.</summary>
internal static class ActivityRules
{
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
    private static readonly int[] ComponentListSlots = [DefinitionNames.Choices, DefinitionNames.Scale, DefinitionNames.Source, DefinitionNames.Target, DefinitionNames.Steps];

    public static void Activity(StatementRules rules, JsonElement e, RulePath path)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!rules.Properties<ActivityNames>(e, path, v))
        {
            return;
        }
        var t = v[ActivityNames.ObjectType];
        if (StatementRules.Given(t) && (t.ValueKind != JsonValueKind.String || !t.ValueEquals("Activity"u8)))
        {
            rules.Fail(path + ".objectType", "must be Activity");
        }
        if (rules.Required(v[ActivityNames.Id], "id", path))
        {
            rules.Iri(v[ActivityNames.Id], path + ".id");
        }
        if (StatementRules.Given(v[ActivityNames.Definition]))
        {
            Definition(rules, v[ActivityNames.Definition], path + ".definition");
        }
    }

    public static void Definition(StatementRules rules, JsonElement d, RulePath path)
    {
        var values = new PropertyValues();
        Span<JsonElement> v = values;
        if (!rules.Properties<DefinitionNames>(d, path, v))
        {
            return;
        }
        if (StatementRules.Given(v[DefinitionNames.Name])) { rules.LanguageMap(v[DefinitionNames.Name], path + ".name"); }
        if (StatementRules.Given(v[DefinitionNames.Description])) { rules.LanguageMap(v[DefinitionNames.Description], path + ".description"); }
        if (StatementRules.Given(v[DefinitionNames.Type])) { rules.Iri(v[DefinitionNames.Type], path + ".type"); }
        if (StatementRules.Given(v[DefinitionNames.MoreInfo])) { rules.Iri(v[DefinitionNames.MoreInfo], path + ".moreInfo"); }
        if (StatementRules.Given(v[DefinitionNames.Extensions])) { rules.Extensions(v[DefinitionNames.Extensions], path + ".extensions"); }
        string[] allowedLists = [];
        var it = v[DefinitionNames.InteractionType];
        var crp = v[DefinitionNames.CorrectResponsesPattern];
        if (StatementRules.Given(it))
        {
            if (it.ValueKind != JsonValueKind.String || !ComponentsByType.TryGetValue(it.GetString()!, out allowedLists!))
            {
                rules.Fail(path + ".interactionType", "must be one of " + string.Join(", ", ComponentsByType.Keys));
                allowedLists = ComponentLists;
            }
        }
        else if (StatementRules.Given(crp))
        {
            rules.Fail(path + ".interactionType", "is required with correctResponsesPattern");
        }
        if (StatementRules.Given(crp))
        {
            if (crp.ValueKind != JsonValueKind.Array || crp.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            {
                rules.Fail(path + ".correctResponsesPattern", "must be an array of strings");
            }
        }
        for (var k = 0; k < ComponentLists.Length; k++)
        {
            var components = v[ComponentListSlots[k]];
            if (!StatementRules.Given(components))
            {
                continue;
            }
            var list = ComponentLists[k];
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
            var values = new PropertyValues();
            Span<JsonElement> v = values;
            if (!rules.Properties<ComponentNames>(c, p, v) || !rules.Required(v[ComponentNames.Id], "id", p))
            {
                continue;
            }
            var id = v[ComponentNames.Id];
            if (id.ValueKind != JsonValueKind.String) { rules.Fail(p + ".id", "must be a string"); }
            else if (!ids.Add(id.GetString()!)) { rules.Fail(p + ".id", "must be unique within the list"); }
            if (StatementRules.Given(v[ComponentNames.Description])) { rules.LanguageMap(v[ComponentNames.Description], p + ".description"); }
        }
    }

    private readonly struct ActivityNames : IPropertyNames
    {
        public const int ObjectType = 0, Id = 1, Definition = 2;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch { "objectType" => ObjectType, "id" => Id, "definition" => Definition, _ => -1 };
    }

    private readonly struct DefinitionNames : IPropertyNames
    {
        public const int Name = 0, Description = 1, Type = 2, MoreInfo = 3, InteractionType = 4, CorrectResponsesPattern = 5,
            Choices = 6, Scale = 7, Source = 8, Target = 9, Steps = 10, Extensions = 11;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch
        {
            "name" => Name, "description" => Description, "type" => Type, "moreInfo" => MoreInfo, "interactionType" => InteractionType,
            "correctResponsesPattern" => CorrectResponsesPattern, "choices" => Choices, "scale" => Scale, "source" => Source, "target" => Target,
            "steps" => Steps, "extensions" => Extensions,
            _ => -1,
        };
    }

    private readonly struct ComponentNames : IPropertyNames
    {
        public const int Id = 0, Description = 1;

        public static int SlotOf(ReadOnlySpan<char> name) => name switch { "id" => Id, "description" => Description, _ => -1 };
    }
}
