using System.Text;

namespace EduCloud.Assessment.Domain;

/// <summary>
/// 自动批阅 of objective items. Multiple choice is all-or-nothing; a fill-in item earns its points per blank, a
/// blank matching any accepted answer after trimming, full-width/half-width folding (NFKC: "ＡＢＣ１" is "ABC1")
/// and case folding of Latin letters. Short answers are not marked here (null score).
/// </summary>
internal static class AutoMarker
{
    public sealed record Mark(decimal? Score, bool? Correct);

    public static Mark Score(ItemKind kind, int points, IReadOnlyList<ItemOption> options, IReadOnlyList<ItemBlank> blanks, IReadOnlyList<string> response)
    {
        switch (kind)
        {
            case ItemKind.SingleChoice or ItemKind.TrueFalse or ItemKind.MultipleChoice:
                var correct = options.Where(o => o.Correct).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
                var chosen = response.Select(r => r.Trim()).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
                var right = correct.SetEquals(chosen);
                return new Mark(right ? points : 0, right);
            case ItemKind.FillBlank:
                var hits = blanks.Select((b, i) => i < response.Count && Matches(b, response[i])).Count(h => h);
                var score = blanks.Count == 0 ? 0 : Math.Round((decimal)points * hits / blanks.Count, 2);
                return new Mark(score, hits == blanks.Count);
            default:
                return new Mark(null, null);
        }
    }

    public static bool Matches(ItemBlank blank, string? given)
    {
        var norm = Normalise(given);
        return norm.Length > 0 && blank.Answers.Any(a => Normalise(a) == norm);
    }

    /// <summary>Trim, fold full-width forms to half-width, and lower-case Latin letters (Chinese is untouched).</summary>
    public static string Normalise(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
