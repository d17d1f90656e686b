using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EduCloud.Monitoring.Domain;

/// <summary>
/// One year's 办学条件与信息化年报 form, as data (mon_form.Json): fields with type, unit and required flag, rules
/// that span fields ("multimedia classrooms &lt;= classrooms") and outlier checks against last year's approved
/// return. A new year's form is a new row; the code only interprets it. See Reference/form-2026.json.
/// </summary>
internal sealed record FormSpec(int Year, string Title, IReadOnlyList<FieldSpec> Fields, IReadOnlyList<RuleSpec> Rules, IReadOnlyList<OutlierSpec> Outliers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public FieldSpec? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public static FormSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<FormSpec>(json, Json) ?? throw new FormatException("表单定义为空");
        var keys = spec.Fields.Select(f => f.Key).ToHashSet();
        // Compile every formula now, so a broken definition fails when it is loaded, not when a school submits.
        foreach (var formula in spec.Rules.Select(r => r.Check).Concat(spec.Fields.Select(f => f.RequiredWhen)).OfType<string>())
        {
            var unknown = Formula.Parse(formula).Fields.FirstOrDefault(f => !keys.Contains(f));
            if (unknown is not null)
            {
                throw new FormatException($"公式“{formula}”引用了不存在的字段 {unknown}");
            }
        }
        return spec;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The numeric view of a return's values (booleans are 1/0; choices and text are left out) for formulas.</summary>
    public Dictionary<string, double> Numbers(IReadOnlyDictionary<string, string> values)
    {
        var numbers = new Dictionary<string, double>();
        foreach (var field in Fields)
        {
            if (values.TryGetValue(field.Key, out var raw) && field.Number(raw) is { } n)
            {
                numbers[field.Key] = n;
            }
        }
        return numbers;
    }
}

internal enum FieldType
{
    Integer = 1,
    Decimal = 2,
    Boolean = 3,
    Choice = 4,
    Text = 5,
}

/// <summary>
/// A field of the form. Prefill: "registry.classes" / "registry.teachers" / "registry.students" take the platform's
/// figure; any other field is pre-filled from last year's approved return.
/// </summary>
internal sealed record FieldSpec(string Key, string Label, string Section, FieldType Type, string? Unit, bool Required,
    string? RequiredWhen, decimal? Min, decimal? Max, IReadOnlyList<ChoiceSpec>? Options, string? Prefill, string? Help)
{
    /// <summary>Turns user input into the stored text, or gives the Chinese reason it is not a valid value.</summary>
    public (string? Value, string? Error) Normalise(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, null);
        }
        switch (Type)
        {
            case FieldType.Integer or FieldType.Decimal:
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, $"{Label}应为数字");
                }
                if (Type == FieldType.Integer && number != decimal.Truncate(number))
                {
                    return (null, $"{Label}应为整数");
                }
                if (Min is { } min && number < min)
                {
                    return (null, $"{Label}不能小于{min.ToString(CultureInfo.InvariantCulture)}");
                }
                if (Max is { } max && number > max)
                {
                    return (null, $"{Label}不能大于{max.ToString(CultureInfo.InvariantCulture)}");
                }
                return (number.ToString(CultureInfo.InvariantCulture), null);
            case FieldType.Boolean:
                return text.ToLowerInvariant() switch
                {
                    "true" or "1" or "是" or "on" => ("true", null),
                    "false" or "0" or "否" => ("false", null),
                    _ => (null, $"{Label}应为“是”或“否”"),
                };
            case FieldType.Choice:
                return Options?.FirstOrDefault(o => o.Code == text || o.Label == text) is { } option
                    ? (option.Code, null)
                    : (null, $"{Label}应为以下之一：{string.Join("、", Options?.Select(o => o.Label) ?? [])}");
            default:
                return text.Length > 200 ? (null, $"{Label}不能超过200个字符") : (text, null);
        }
    }

    public double? Number(string? stored) => Type switch
    {
        FieldType.Integer or FieldType.Decimal when double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        FieldType.Boolean when stored is "true" => 1,
        FieldType.Boolean when stored is "false" => 0,
        _ => null,
    };

    public string Display(string? stored) => stored is null ? "" : Type switch
    {
        FieldType.Boolean => stored == "true" ? "是" : "否",
        FieldType.Choice => Options?.FirstOrDefault(o => o.Code == stored)?.Label ?? stored,
        _ => stored,
    };
}

internal sealed record ChoiceSpec(string Code, string Label);

/// <summary>A rule over several fields: <see cref="Check"/> must be true; the message is shown next to <see cref="Field"/>.</summary>
internal sealed record RuleSpec(string Field, string Check, string Message);

/// <summary>A change against last year's approved value larger than <see cref="MaxChangePercent"/> needs a written note.</summary>
internal sealed record OutlierSpec(string Field, decimal MaxChangePercent);
