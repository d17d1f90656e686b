using System.IO.Compression;
using System.Xml.Linq;
using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Items;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static EduCloud.Assessment.Features.Qti.Qti;

namespace EduCloud.Assessment.Features.Qti;

/// <summary>
/// 导出 QTI: one item as a QTI 2.1 XML file, or a selection (default: all the caller may read, up to 500) as an IMS
/// content package zip: imsmanifest.xml with one imsqti_item_xmlv2p1 resource per item, its knowledge points as LOM
/// keywords and stage/subject/difficulty in our extension element, and the item files under items/.
/// </summary>
internal static class ExportQti
{
    public static async Task<byte[]> PackageAsync(AssessmentDbContext db, IOrganizationDirectory directory, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = (await ItemAccess.ReadableAsync(db, directory, ct)).AsNoTracking();
        if (ids is { Count: > 0 })
        {
            query = query.Where(i => ids.Contains(i.Id));
        }
        var items = await query.OrderBy(i => i.CreatedAt).Take(500).ToListAsync(ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = Manifest(items);
            await WriteAsync(zip, "imsmanifest.xml", manifest, ct);
            foreach (var item in items)
            {
                await WriteAsync(zip, PathOf(item), WriteQtiItem.Write(item), ct);
            }
        }
        return buffer.ToArray();
    }

    private static string PathOf(Item item) => $"items/{WriteQtiItem.IdentifierOf(item)}.xml";

    private static XDocument Manifest(IReadOnlyList<Item> items) => new(new XDeclaration("1.0", "UTF-8", null),
        new XElement(Cp + "manifest", new XAttribute(XNamespace.Xmlns + "imsmd", Lom), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute(XNamespace.Xmlns + "ec", Ec), new XAttribute(Xsi + "schemaLocation", ManifestSchemaLocation),
            new XAttribute("identifier", "MANIFEST-" + Guid.NewGuid().ToString("N")),
            new XElement(Cp + "metadata", new XElement(Cp + "schema", "QTIv2.1 Package"), new XElement(Cp + "schemaversion", "1.0.0")),
            new XElement(Cp + "organizations"),
            new XElement(Cp + "resources", items.Select(item => new XElement(Cp + "resource",
                new XAttribute("identifier", WriteQtiItem.IdentifierOf(item)), new XAttribute("type", ItemResourceType), new XAttribute("href", PathOf(item)),
                new XElement(Cp + "metadata",
                    new XElement(Lom + "lom", new XElement(Lom + "general", item.KnowledgePoints.Select(k =>
                        new XElement(Lom + "keyword", new XElement(Lom + "string", new XAttribute("language", "zh-CN"), k))))),
                    new XElement(Ec + "item", new XAttribute("stage", item.StageCode), new XAttribute("subject", item.SubjectCode),
                        new XAttribute("difficulty", item.Difficulty))),
                new XElement(Cp + "file", new XAttribute("href", PathOf(item))))))));

    private static async Task WriteAsync(ZipArchive zip, string path, XDocument doc, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(path, CompressionLevel.Optimal).OpenAsync(ct);
        await doc.SaveAsync(stream, SaveOptions.None, ct);
    }

    public static async Task<IResult> PackageEndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, string? ids, CancellationToken ct)
    {
        var selected = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var bytes = await PackageAsync(db, directory, selected, ct);
        return TypedResults.File(bytes, "application/zip", "qti-items.zip");
    }

    public static async Task<IResult> ItemEndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var item = await ItemAccess.ReadAsync(db, directory, id, ct);
        using var buffer = new MemoryStream();
        await WriteQtiItem.Write(item).SaveAsync(buffer, SaveOptions.None, ct);
        return TypedResults.File(buffer.ToArray(), "application/xml", WriteQtiItem.IdentifierOf(item) + ".xml");
    }
}
