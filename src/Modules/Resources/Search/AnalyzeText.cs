using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EduCloud.Resources.Search;

/// <summary>
/// One indexed term. Chinese characters (and kana/hangul) become a unigram or a bigram packed into
/// <see cref="Code"/>, so the hot path of indexing allocates no strings for them; runs of letters or digits of
/// other scripts (Latin, digits, Tibetan syllables, Uyghur words) are one lower-cased <see cref="Word"/>.
/// Catalogue node ids are terms as well (<see cref="ForNode"/>): filtering by a node is then a posting list.
/// </summary>
internal readonly record struct Term(long Code, string? Word)
{
    private const long UnigramFlag = 1L << 32;

    public static Term Unigram(char c) => new(UnigramFlag | c, null);

    public static Term Bigram(char a, char b) => new(((long)a << 16) | b, null);

    public static Term ForWord(string word) => new(0, word);

    // A control character cannot come out of the analyser, so node terms never collide with text.
    public static Term ForNode(Guid node) => new(0, "\u0001" + node.ToString("N"));

    /// <summary>The term as text (for diagnostics and for feeding the same tokens to other engines).</summary>
    public string Text => Word ?? ((Code & UnigramFlag) != 0 ? ((char)(Code & 0xFFFF)).ToString() : new string([(char)(Code >> 16), (char)(Code & 0xFFFF)]));
}

/// <summary>
/// The analyser shared by indexing and querying: NFKC (full-width Ａ１ → A1) and lower case, then runs of CJK
/// characters give every unigram and every adjacent bigram, other letter/digit runs give one whole token, and
/// everything else (spaces, punctuation, markup tags) separates runs. Queries use bigrams only when a run has
/// two or more characters, so "数学" looks up exactly one posting list and "20以内的进位加法" requires all its bigrams
/// (a phrase-ish match without positions); a lone character uses its unigram.
/// </summary>
internal static partial class AnalyzeText
{
    /// <summary>Longer query text is cut here: 64 characters is longer than any title worth typing, and it bounds the work per query.</summary>
    public const int MaxQueryChars = 64;

    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF'
            or >= '\uD800' and <= '\uDFFF'; // surrogate halves of CJK extension B+: paired consistently on both sides

    private static bool IsWordChar(char c) => !IsCjk(c) && (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark);

    /// <summary>Adds the terms of <paramref name="text"/> with weight <paramref name="weight"/> each to the term frequencies.</summary>
    public static void AddDocumentTerms(string? text, int weight, Dictionary<Term, int> frequencies, ref int length)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var normal = Normalize(text);
        var added = 0;
        Walk(normal, forQuery: false, term =>
        {
            frequencies[term] = frequencies.GetValueOrDefault(term) + weight;
            added++;
        });
        length += added * weight;
    }

    /// <summary>The distinct terms a query requires; empty when the text has nothing searchable.</summary>
    public static List<Term> QueryTerms(string? text)
    {
        var terms = new List<Term>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }
        var normal = Normalize(text.Length > MaxQueryChars * 2 ? text[..(MaxQueryChars * 2)] : text);
        if (normal.Length > MaxQueryChars)
        {
            normal = normal[..MaxQueryChars];
        }
        Walk(normal, forQuery: true, term =>
        {
            if (!terms.Contains(term))
            {
                terms.Add(term);
            }
        });
        return terms;
    }

    private static string Normalize(string text)
    {
        string normal;
        try
        {
            normal = IsKcStable(text) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            normal = text; // lone surrogates cannot be normalised; the raw text still tokenises
        }
        // Tags are not words: "<b>认识图形</b>" searches for 认识图形, and a title's markup (neutralised where it is
        // shown) does not make every resource with a <script> tag match "script".
        return (normal.Contains('<', StringComparison.Ordinal) ? MarkupTag().Replace(normal, " ") : normal).ToLowerInvariant();
    }

    /// <summary>
    /// Most titles are ASCII, common ideographs and CJK punctuation, which NFKC leaves alone (or only turns from one
    /// separator into another): they skip the ICU call and its copy of the text.
    /// </summary>
    private static bool IsKcStable(string text)
    {
        foreach (var c in text)
        {
            if (!(c < '\u0080' || c is >= '\u4E00' and <= '\u9FFF' or >= '\u3001' and <= '\u303F' or >= '\uFF01' and <= '\uFF0F' or >= '\uFF1A' and <= '\uFF20'))
            {
                return false;
            }
        }
        return true;
    }

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTag();

    private static void Walk(string text, bool forQuery, Action<Term> emit)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsCjk(c))
            {
                var start = i;
                while (i < text.Length && IsCjk(text[i]))
                {
                    i++;
                }
                EmitCjkRun(text.AsSpan(start, i - start), forQuery, emit);
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }
                emit(Term.ForWord(text[start..i]));
            }
            else
            {
                i++;
            }
        }
    }

    private static void EmitCjkRun(ReadOnlySpan<char> run, bool forQuery, Action<Term> emit)
    {
        if (!forQuery || run.Length == 1)
        {
            foreach (var c in run)
            {
                emit(Term.Unigram(c));
            }
        }
        for (var k = 0; k + 1 < run.Length; k++)
        {
            emit(Term.Bigram(run[k], run[k + 1]));
        }
    }
}
