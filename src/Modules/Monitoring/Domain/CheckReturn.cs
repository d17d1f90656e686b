using System.Globalization;

namespace EduCloud.Monitoring.Domain;

/// <summary>
/// What must hold before a return is submitted: required fields, the form's rules, and a note for every outlier
/// against last year's approved return. Errors are keyed by the field's key (notes by "notes.&lt;key&gt;") and
/// name the field in Chinese, so the page shows each next to its input and the API says which field is wrong.
/// </summary>
internal static class CheckReturn
{
    public static Dictionary<string, string[]> Problems(FormSpec form, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> notes,
        IReadOnlyDictionary<string, string>? lastYear)
    {
        var problems = new Dictionary<string, List<string>>();
        var numbers = form.Numbers(values);
        foreach (var field in form.Fields)
        {
            var needed = field.Required || (field.RequiredWhen is { } when && Formula.Parse(when).Evaluate(numbers) is { } w && w != 0);
            if (needed && !values.ContainsKey(field.Key))
            {
                Add(problems, field.Key, $"{field.Label}不能为空");
            }
        }
        foreach (var rule in form.Rules)
        {
            if (Formula.Parse(rule.Check).Evaluate(numbers) is 0)
            {
                Add(problems, rule.Field, Fill(rule.Message, form, values));
            }
        }
        foreach (var outlier in Outliers(form, values, lastYear))
        {
            if (!notes.TryGetValue(outlier.Field, out var note) || string.IsNullOrWhiteSpace(note))
            {
                Add(problems, "notes." + outlier.Field, outlier.Message);
            }
        }
        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    private static void Add(Dictionary<string, List<string>> problems, string field, string message)
    {
        if (!problems.TryGetValue(field, out var list))
        {
            problems[field] = list = [];
        }
        list.Add(message);
    }

    public sealed record Outlier(string Field, string Message);

    /// <summary>Fields whose value moved more than the form allows against last year's approved return.</summary>
    public static IEnumerable<Outlier> Outliers(FormSpec form, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? lastYear)
    {
        if (lastYear is null)
        {
            yield break;
        }
        foreach (var rule in form.Outliers)
        {
            if (form.Field(rule.Field) is not { } field || field.Number(values.GetValueOrDefault(rule.Field)) is not { } now
                || field.Number(lastYear.GetValueOrDefault(rule.Field)) is not { } before)
            {
                continue;
            }
            var change = before == 0 ? (now == 0 ? 0 : double.PositiveInfinity) : Math.Abs(now - before) / before * 100;
            if (change > (double)rule.MaxChangePercent)
            {
                yield return new Outlier(rule.Field,
                    $"{field.Label}较上年变化超过{rule.MaxChangePercent.ToString(CultureInfo.InvariantCulture)}%（上年{Show(before)}，本年{Show(now)}），请填写说明");
            }
        }
    }

    /// <summary>Replaces {field} in a rule's message with the value entered, so the message says what is wrong.</summary>
    private static string Fill(string message, FormSpec form, IReadOnlyDictionary<string, string> values)
    {
        foreach (var field in form.Fields)
        {
            message = message.Replace("{" + field.Key + "}", field.Display(values.GetValueOrDefault(field.Key)), StringComparison.Ordinal);
        }
        return message;
    }

    private static string Show(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
