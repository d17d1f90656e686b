using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EduCloud.Assessment.Domain;
using static EduCloud.Assessment.Features.Qti.Qti;

namespace EduCloud.Assessment.Features.Qti;

/// <summary>
/// One item as a QTI 2.1 assessmentItem: choiceInteraction (single, multiple, true/false) with match_correct,
/// textEntryInteraction per blank with a mapping of the accepted answers (map_response for one blank, the sum of the
/// blanks' mapResponse for several), extendedTextInteraction for a short answer with the reference answer in a
/// scorer rubricBlock. MAXSCORE carries the item's points.
/// </summary>
internal static partial class WriteQtiItem
{
    [GeneratedRegex("_{4,}")]
    private static partial Regex BlankMarker();

    public static string IdentifierOf(Item item) => "item-" + item.Id.ToString("N");

    public static XDocument Write(Item item)
    {
        var root = new XElement(Ns + "assessmentItem",
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi), new XAttribute(Xsi + "schemaLocation", ItemSchemaLocation),
            new XAttribute("identifier", IdentifierOf(item)), new XAttribute("title", Title(item.Stem)),
            new XAttribute("adaptive", "false"), new XAttribute("timeDependent", "false"));
        var body = new XElement(Ns + "itemBody");
        switch (item.Kind)
        {
            case ItemKind.SingleChoice or ItemKind.MultipleChoice or ItemKind.TrueFalse:
                var single = item.Kind != ItemKind.MultipleChoice;
                root.Add(new XElement(Ns + "responseDeclaration", new XAttribute("identifier", "RESPONSE"), new XAttribute("cardinality", single ? "single" : "multiple"),
                    new XAttribute("baseType", "identifier"),
                    new XElement(Ns + "correctResponse", item.Options.Where(o => o.Correct).Select(o => new XElement(Ns + "value", o.Key)))));
                body.Add(Paragraphs(item.Stem, null));
                var interaction = new XElement(Ns + "choiceInteraction", new XAttribute("responseIdentifier", "RESPONSE"), new XAttribute("shuffle", "false"),
                    new XAttribute("maxChoices", single ? "1" : "0"), item.Options.Select(o => new XElement(Ns + "simpleChoice", new XAttribute("identifier", o.Key), o.Text)));
                if (item.Kind == ItemKind.TrueFalse)
                {
                    interaction.Add(new XAttribute("class", TrueFalseClass));
                }
                body.Add(interaction);
                break;
            case ItemKind.FillBlank:
                var ids = item.Blanks.Count == 1 ? ["RESPONSE"] : item.Blanks.Select((_, i) => $"RESPONSE_{i + 1}").ToList();
                for (var i = 0; i < item.Blanks.Count; i++)
                {
                    root.Add(new XElement(Ns + "responseDeclaration", new XAttribute("identifier", ids[i]), new XAttribute("cardinality", "single"), new XAttribute("baseType", "string"),
                        new XElement(Ns + "correctResponse", new XElement(Ns + "value", item.Blanks[i].Answers[0])),
                        new XElement(Ns + "mapping", new XAttribute("defaultValue", "0"),
                            item.Blanks[i].Answers.Select(a => new XElement(Ns + "mapEntry", new XAttribute("mapKey", a), new XAttribute("mappedValue", "1"), new XAttribute("caseSensitive", "false"))))));
                }
                body.Add(Paragraphs(item.Stem, ids));
                break;
            default:
                root.Add(new XElement(Ns + "responseDeclaration", new XAttribute("identifier", "RESPONSE"), new XAttribute("cardinality", "single"), new XAttribute("baseType", "string")));
                body.Add(Paragraphs(item.Stem, null));
                body.Add(new XElement(Ns + "extendedTextInteraction", new XAttribute("responseIdentifier", "RESPONSE"), new XAttribute("expectedLines", "5")));
                body.Add(new XElement(Ns + "rubricBlock", new XAttribute("view", "scorer"), Paragraphs(item.ReferenceAnswer ?? "", null)));
                break;
        }
        root.Add(Outcome("SCORE", 0), Outcome("MAXSCORE", item.Points), body);
        if (item.Kind == ItemKind.FillBlank && item.Blanks.Count > 1)
        {
            root.Add(new XElement(Ns + "responseProcessing", new XElement(Ns + "setOutcomeValue", new XAttribute("identifier", "SCORE"),
                new XElement(Ns + "sum", item.Blanks.Select((_, i) => new XElement(Ns + "mapResponse", new XAttribute("identifier", $"RESPONSE_{i + 1}")))))));
        }
        else if (item.Kind != ItemKind.ShortAnswer)
        {
            root.Add(new XElement(Ns + "responseProcessing", new XAttribute("template", item.Kind == ItemKind.FillBlank ? MapResponse : MatchCorrect)));
        }
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static XElement Outcome(string id, int value) => new(Ns + "outcomeDeclaration", new XAttribute("identifier", id), new XAttribute("cardinality", "single"),
        new XAttribute("baseType", "float"), new XElement(Ns + "defaultValue", new XElement(Ns + "value", value.ToString(CultureInfo.InvariantCulture))));

    /// <summary>One &lt;p&gt; per line; each "____" becomes the next blank's textEntryInteraction, and blanks without a marker follow at the end.</summary>
    private static IEnumerable<XElement> Paragraphs(string text, IReadOnlyList<string>? blanks)
    {
        var next = 0;
        var paragraphs = new List<XElement>();
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0))
        {
            var p = new XElement(Ns + "p");
            var parts = blanks is null ? [line] : BlankMarker().Split(line);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    p.Add(next < blanks!.Count ? Entry(blanks[next++]) : (object)"____");
                }
                p.Add(parts[i]);
            }
            paragraphs.Add(p);
        }
        if (blanks is not null && next < blanks.Count)
        {
            paragraphs.Add(new XElement(Ns + "p", blanks.Skip(next).Select(Entry)));
        }
        return paragraphs;
    }

    private static XElement Entry(string id) => new(Ns + "textEntryInteraction", new XAttribute("responseIdentifier", id), new XAttribute("expectedLength", "15"));

    private static string Title(string stem)
    {
        var line = stem.Split('\n')[0].Trim();
        return line.Length <= 50 ? line : line[..50] + "…";
    }
}
