using System.Collections.Concurrent;

namespace EduCloud.Resources.Search;

/// <summary>The facets search counts and filters on, in the order of <see cref="DocumentColumns"/>' facet slots.</summary>
internal static class Facets
{
    public const string Stage = "stage", Subject = "subject", Grade = "grade", Type = "type", Format = "format",
        Language = "language", Licence = "licence", Kind = "kind", Node = "node";

    public static readonly string[] Names = [Stage, Subject, Grade, Type, Format, Language, Licence, Kind];

    public static int IndexOf(string name) => Array.IndexOf(Names, name);

    public static string?[] CodesOf(SearchDocument d) =>
        [d.StageCode, d.SubjectCode, d.GradeCode, d.TypeCode, d.Format, d.LanguageCode, d.LicenceCode, d.KindCode];
}

/// <summary>
/// The codes of one facet as small ordinals (0 = none), so a document stores 2 bytes a facet and counting is an
/// array increment. Codes are only ever added (writer only); readers map ordinals back through <see cref="Codes"/>,
/// which is published before any document that uses a new ordinal.
/// </summary>
internal sealed class FacetVocabulary
{
    private readonly ConcurrentDictionary<string, ushort> _ordinals = new(StringComparer.Ordinal);
    private string[] _codes = [""];

    public string[] Codes => Volatile.Read(ref _codes);

    public bool TryGet(string code, out ushort ordinal) => _ordinals.TryGetValue(code, out ordinal);

    public ushort GetOrAdd(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return 0;
        }
        if (_ordinals.TryGetValue(code, out var ordinal))
        {
            return ordinal;
        }
        if (_codes.Length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"more than {ushort.MaxValue} codes in one facet");
        }
        var codes = new string[_codes.Length + 1];
        _codes.CopyTo(codes, 0);
        codes[^1] = code;
        ordinal = (ushort)(codes.Length - 1);
        Volatile.Write(ref _codes, codes);
        _ordinals[code] = ordinal;
        return ordinal;
    }
}
