using System.Globalization;
using System.Xml;
using EduCloud.Resources.Domain;

namespace EduCloud.Resources.Features.Oai;

/// <summary>
/// A published resource's metadata as XML: simple Dublin Core (oai_dc) and the LOM profile of CELTS-3 (教育资源
///元数据规范, the Chinese application profile of IEEE LOM): general, lifeCycle, technical, educational (CELTS-41
/// resource type), rights, classification (the textbook catalogue path as a taxon path). Used by OAI-PMH and by the
/// per-resource export.
/// </summary>
internal static class WriteMetadata
{
    public const string OaiDcNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string OaiDcSchema = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    public const string DcNamespace = "http://purl.org/dc/elements/1.1/";
    public const string LomNamespace = "http://ltsc.ieee.org/xsd/LOM";
    public const string LomSchema = "http://ltsc.ieee.org/xsd/lomv1.0/lom.xsd";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly IReadOnlyList<(string Prefix, string Schema, string Namespace)> Formats =
        [("oai_dc", OaiDcSchema, OaiDcNamespace), ("lom", LomSchema, LomNamespace)];

    /// <summary>What the writers need: the resource, its published version and the repository's names.</summary>
    public sealed record Item(Resource Resource, ResourceVersion Version, string Identifier, string LandingUrl, string Publisher);

    public static void Write(XmlWriter w, string prefix, Item item)
    {
        if (prefix == "lom")
        {
            Lom(w, item);
        }
        else
        {
            DublinCore(w, item);
        }
    }

    private static void DublinCore(XmlWriter w, Item item)
    {
        var (r, v) = (item.Resource, item.Version);
        w.WriteStartElement("oai_dc", "dc", OaiDcNamespace);
        w.WriteAttributeString("xmlns", "dc", null, DcNamespace);
        w.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        w.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, OaiDcNamespace + " " + OaiDcSchema);
        Dc(w, "title", v.Title);
        Dc(w, "creator", r.ProviderName);
        Dc(w, "subject", ResourceCodes.NameOf(ResourceCodes.Subjects, v.SubjectCode));
        foreach (var k in v.KnowledgePoints.Concat(v.Tags).Distinct())
        {
            Dc(w, "subject", k);
        }
        Dc(w, "description", v.Description);
        Dc(w, "publisher", item.Publisher);
        Dc(w, "date", Day(r.PublishedAt ?? v.PublishedAt ?? v.CreatedAt));
        Dc(w, "type", ResourceCodes.NameOf(ResourceCodes.Types, v.TypeCode));
        Dc(w, "format", v.ContentType);
        Dc(w, "identifier", item.LandingUrl);
        Dc(w, "identifier", item.Identifier);
        Dc(w, "language", v.LanguageCode);
        Dc(w, "coverage", string.Join(" / ", v.CataloguePath));
        Dc(w, "rights", Rights(r, v));
        w.WriteEndElement();
    }

    private static void Lom(XmlWriter w, Item item)
    {
        var (r, v) = (item.Resource, item.Version);
        w.WriteStartElement("lom", LomNamespace);
        w.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        w.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, LomNamespace + " " + LomSchema);

        w.WriteStartElement("general");
        w.WriteStartElement("identifier");
        w.WriteElementString("catalog", "URI");
        w.WriteElementString("entry", item.LandingUrl);
        w.WriteEndElement();
        LangString(w, "title", v.Title, v.LanguageCode);
        w.WriteElementString("language", v.LanguageCode);
        LangString(w, "description", v.Description, v.LanguageCode);
        foreach (var k in v.KnowledgePoints.Concat(v.Tags).Distinct())
        {
            LangString(w, "keyword", k, "zh");
        }
        w.WriteEndElement();

        w.WriteStartElement("lifeCycle");
        LangString(w, "version", $"第{v.Number}版", "zh");
        Vocabulary(w, "status", "LOMv1.0", "final");
        w.WriteStartElement("contribute");
        Vocabulary(w, "role", "LOMv1.0", "publisher");
        w.WriteElementString("entity", $"BEGIN:VCARD\nVERSION:3.0\nFN:{r.ProviderName}\nEND:VCARD");
        w.WriteStartElement("date");
        w.WriteElementString("dateTime", Day(r.PublishedAt ?? v.PublishedAt ?? v.CreatedAt));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("technical");
        w.WriteElementString("format", v.ContentType);
        w.WriteElementString("size", v.SizeBytes.ToString(CultureInfo.InvariantCulture));
        w.WriteElementString("location", item.LandingUrl);
        if (v.DurationSeconds is { } seconds)
        {
            w.WriteStartElement("duration");
            w.WriteElementString("duration", XmlConvert.ToString(TimeSpan.FromSeconds(seconds)));
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("educational");
        // CELTS-41's resource types are the profile's own vocabulary (source CELTS-41), the code and its Chinese name.
        Vocabulary(w, "learningResourceType", "CELTS-41", v.TypeCode);
        LangString(w, "description", ResourceCodes.NameOf(ResourceCodes.Types, v.TypeCode), "zh");
        Vocabulary(w, "context", "LOMv1.0", "school");
        LangString(w, "typicalAgeRange", ResourceCodes.NameOf(ResourceCodes.Stages, v.StageCode)
            + (v.GradeCode is null ? "" : " " + ResourceCodes.NameOf(ResourceCodes.Grades, v.GradeCode)), "zh");
        w.WriteElementString("language", v.LanguageCode);
        w.WriteEndElement();

        w.WriteStartElement("rights");
        Vocabulary(w, "cost", "LOMv1.0", r.PriceCents > 0 ? "yes" : "no");
        Vocabulary(w, "copyrightAndOtherRestrictions", "LOMv1.0", "yes");
        LangString(w, "description", Rights(r, v), "zh");
        w.WriteEndElement();

        w.WriteStartElement("classification");
        Vocabulary(w, "purpose", "LOMv1.0", "discipline");
        w.WriteStartElement("taxonPath");
        LangString(w, "source", "教材目录", "zh");
        for (var i = 0; i < v.CataloguePath.Count; i++)
        {
            w.WriteStartElement("taxon");
            w.WriteElementString("id", i < v.CatalogueNodeIds.Count ? v.CatalogueNodeIds[i].ToString() : "");
            LangString(w, "entry", v.CataloguePath[i], "zh");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static string Rights(Resource r, ResourceVersion v)
    {
        var licence = ResourceCodes.NameOf(ResourceCodes.Licences, v.LicenceCode);
        if (r.PriceCents <= 0)
        {
            return licence + "；免费";
        }
        var yuan = $"¥{r.PriceCents / 100}.{r.PriceCents % 100:00}";
        return $"{licence}；按校授权 {yuan}，期限{(r.LicenceYears is { } y ? y + "年" : "永久")}";
    }

    private static void Dc(XmlWriter w, string name, string value)
    {
        if (value.Length > 0)
        {
            w.WriteElementString("dc", name, DcNamespace, value);
        }
    }

    private static void LangString(XmlWriter w, string name, string value, string language)
    {
        w.WriteStartElement(name);
        w.WriteStartElement("string");
        w.WriteAttributeString("language", language);
        w.WriteString(value);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Vocabulary(XmlWriter w, string name, string source, string value)
    {
        w.WriteStartElement(name);
        w.WriteElementString("source", source);
        w.WriteElementString("value", value);
        w.WriteEndElement();
    }

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
