using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Items;
using EduCloud.Kernel.Errors;
using static EduCloud.Assessment.Features.Qti.Qti;

namespace EduCloud.Assessment.Features.Qti;

/// <summary>
/// Reads one QTI 2.1 assessmentItem into an item: the interaction decides the type, responseDeclaration's
/// correctResponse (and, for text entry, the mapping's positively mapped keys) gives the answers, MAXSCORE (or
/// SCORE's normalMaximum) the points. Anything else (other interactions, several kinds in one item, malformed XML,
/// a DTD) is refused with a message naming the file and the element. Images and media are not imported (text only).
/// </summary>
internal static partial class ReadQtiItem
{
    /// <summary>Stage, subject, difficulty and tags that QTI does not carry: from the package manifest or the import form.</summary>
    public sealed record Metadata(string? StageCode, string? SubjectCode, int? Difficulty, IReadOnlyList<string>? KnowledgePoints);

    [GeneratedRegex("[ \\t\\r\\u00a0]+")]
    private static partial Regex Spaces();

    public static XDocument Parse(string file, Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4_000_000 };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw Refused(file, $"不是格式正确的 XML（第{e.LineNumber}行第{e.LinePosition}列）");
        }
    }

    public static ValidationFailedException Refused(string file, string reason) => 
        ValidationFailedException.For("file", reason.StartsWith('：') ? $"文件 {file}{reason}" : $"文件 {file} {reason}");

    public static ItemInput Read(string file, XDocument doc, Metadata meta)
    {
        var root = doc.Root!;
        if (root.Name != Ns + "assessmentItem")
        {
            throw Refused(file, $"不是 QTI 2.1 试题：根元素 <{root.Name.LocalName}> 应为 {Ns.NamespaceName} 命名空间中的 <assessmentItem>");
        }
        var body = root.Element(Ns + "itemBody") ?? throw Refused(file, "缺少 <itemBody>");
        var interactions = body.Descendants().Where(e => e.Name.LocalName.EndsWith("Interaction", StringComparison.Ordinal)).ToList();
        if (interactions.FirstOrDefault(i => i.Name.Namespace != Ns || !Supported.Contains(i.Name.LocalName)) is { } unsupported)
        {
            throw Refused(file, $"第{Line(unsupported)}行的 <{unsupported.Name.LocalName}> 不受支持（只支持 {string.Join("、", Supported)}）");
        }
        var kinds = interactions.Select(i => i.Name.LocalName).Distinct().ToList();
        if (kinds.Count != 1 || (kinds[0] != "textEntryInteraction" && interactions.Count > 1))
        {
            throw Refused(file, kinds.Count == 0 ? "的 <itemBody> 中没有交互" : "：一道试题只能有一个 choiceInteraction 或 extendedTextInteraction，或若干 textEntryInteraction");
        }
        var declarations = root.Elements(Ns + "responseDeclaration").ToDictionary(d => (string?)d.Attribute("identifier") ?? "", StringComparer.Ordinal);
        XElement Declaration(XElement interaction) =>
            declarations.GetValueOrDefault((string?)interaction.Attribute("responseIdentifier") ?? "")
            ?? throw Refused(file, $"第{Line(interaction)}行的 <{interaction.Name.LocalName}> 的 responseIdentifier 没有对应的 <responseDeclaration>");
        var first = interactions[0];
        var stem = StemOf(body);
        var points = PointsOf(root);
        var shared = (string? kind, IReadOnlyList<OptionInput>? options, IReadOnlyList<BlankInput>? blanks, string? reference) =>
            new ItemInput(kind, stem, options, blanks, reference, meta.StageCode, meta.SubjectCode, meta.Difficulty, meta.KnowledgePoints, points, false);
        switch (first.Name.LocalName)
        {
            case "choiceInteraction":
                var declaration = Declaration(first);
                var correct = declaration.Element(Ns + "correctResponse")?.Elements(Ns + "value").Select(v => v.Value.Trim()).ToHashSet() ?? [];
                var choices = first.Elements(Ns + "simpleChoice").ToList();
                var single = (string?)declaration.Attribute("cardinality") == "single" || (string?)first.Attribute("maxChoices") == "1";
                var isTrueFalse = ((string?)first.Attribute("class") ?? "").Split(' ').Contains(TrueFalseClass) && choices.Count == 2;
                if (isTrueFalse)
                {
                    return shared(nameof(ItemKind.TrueFalse), [new OptionInput("正确", correct.Contains((string?)choices[0].Attribute("identifier") ?? ""))], null, null);
                }
                var options = choices.Select(c => new OptionInput(Text(c), correct.Contains((string?)c.Attribute("identifier") ?? ""))).ToList();
                return shared(single ? nameof(ItemKind.SingleChoice) : nameof(ItemKind.MultipleChoice), options, null, null);
            case "textEntryInteraction":
                var blanks = interactions.Select(i => new BlankInput(AcceptedAnswers(Declaration(i)))).ToList();
                return shared(nameof(ItemKind.FillBlank), null, blanks, null);
            default:
                Declaration(first);
                var rubric = body.Elements(Ns + "rubricBlock").FirstOrDefault(r => ((string?)r.Attribute("view") ?? "").Contains("scorer", StringComparison.Ordinal));
                return shared(nameof(ItemKind.ShortAnswer), null, null, rubric is null ? null : Text(rubric));
        }
    }

    private static List<string> AcceptedAnswers(XElement declaration)
    {
        var answers = declaration.Element(Ns + "correctResponse")?.Elements(Ns + "value").Select(v => v.Value.Trim()).ToList() ?? [];
        answers.AddRange(declaration.Element(Ns + "mapping")?.Elements(Ns + "mapEntry")
            .Where(m => double.TryParse((string?)m.Attribute("mappedValue"), CultureInfo.InvariantCulture, out var v) && v > 0)
            .Select(m => ((string?)m.Attribute("mapKey") ?? "").Trim()) ?? []);
        return answers.Where(a => a.Length > 0).Distinct().ToList();
    }

    private static int? PointsOf(XElement root)
    {
        var outcomes = root.Elements(Ns + "outcomeDeclaration").ToList();
        var max = outcomes.FirstOrDefault(o => (string?)o.Attribute("identifier") == "MAXSCORE")?.Element(Ns + "defaultValue")?.Element(Ns + "value")?.Value
            ?? (string?)outcomes.FirstOrDefault(o => (string?)o.Attribute("identifier") == "SCORE")?.Attribute("normalMaximum");
        return double.TryParse(max, CultureInfo.InvariantCulture, out var points) && points >= 1 ? (int)Math.Round(points) : null;
    }

    /// <summary>The item body as plain text: one line per block, "____" for a blank, a choice's prompt but not its choices, no rubric.</summary>
    private static string StemOf(XElement body)
    {
        var text = new StringBuilder();
        Walk(body, text);
        var lines = text.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    private static void Walk(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText t)
            {
                text.Append(t.Value.Replace('\n', ' '));
                continue;
            }
            if (node is not XElement e)
            {
                continue;
            }
            switch (e.Name.LocalName)
            {
                case "textEntryInteraction":
                    text.Append("____");
                    break;
                case "br":
                    text.Append('\n');
                    break;
                case "choiceInteraction" or "extendedTextInteraction":
                    if (e.Element(Ns + "prompt") is { } prompt)
                    {
                        text.Append('\n');
                        Walk(prompt, text);
                        text.Append('\n');
                    }
                    break;
                case "rubricBlock" or "img" or "object" or "modalFeedback":
                    break;
                case "p" or "div" or "blockquote" or "li" or "h1" or "h2" or "h3" or "h4" or "pre" or "table" or "tr":
                    text.Append('\n');
                    Walk(e, text);
                    text.Append('\n');
                    break;
                default:
                    Walk(e, text);
                    break;
            }
        }
    }

    private static string Text(XElement element)
    {
        var text = new StringBuilder();
        Walk(element, text);
        return string.Join("\n", text.ToString().Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    private static int Line(XElement e) => ((IXmlLineInfo)e).LineNumber;
}
