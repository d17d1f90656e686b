using System.IO.Compression;
using System.Xml.Linq;
using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Items;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static EduCloud.Assessment.Features.Qti.Qti;

namespace EduCloud.Assessment.Features.Qti;

/// <summary>
/// 导入 QTI: a single assessmentItem .xml or an IMS content package .zip (imsmanifest.xml listing imsqti_item_xmlv2p1
/// resources). All or nothing: every item is read and checked by the same rules as the form before any is saved,
/// and the first problem is reported naming the file (and element). Stage and subject come from the package's
/// metadata, else from the form.
/// </summary>
internal static class ImportQti
{
    public const long MaxUpload = 20 * 1024 * 1024;
    private const long MaxEntry = 2 * 1024 * 1024;
    private const int MaxItems = 500;

    public sealed record Result(int Imported, IReadOnlyList<Guid> Ids);

    public static async Task<Result> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, string fileName, Stream content,
        ReadQtiItem.Metadata defaults, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxUpload)
        {
            throw ValidationFailedException.For("file", $"文件 {fileName} 超过 {MaxUpload / 1024 / 1024} MB");
        }
        buffer.Position = 0;
        var isZip = buffer.Length > 4 && buffer.GetBuffer()[0] == 'P' && buffer.GetBuffer()[1] == 'K';
        var inputs = isZip ? ReadPackage(fileName, buffer, defaults) : [(fileName, ReadQtiItem.Read(fileName, ReadQtiItem.Parse(fileName, buffer), defaults))];
        var items = new List<Item>();
        foreach (var (file, input) in inputs)
        {
            var item = await CreateItem.NewItemAsync(db, directory, clock, ct);
            try
            {
                ItemRules.Apply(item, input);
            }
            catch (ValidationFailedException e)
            {
                throw ReadQtiItem.Refused(file, "：" + string.Join("；", e.Errors.SelectMany(x => x.Value)));
            }
            items.Add(item);
        }
        db.Items.AddRange(items);
        // One SaveChanges is one transaction: all the items or none. Placed at the teacher's school (see CreateItem).
        await db.SaveChangesAsPlatformAsync(ct);
        return new Result(items.Count, items.Select(i => i.Id).ToList());
    }

    private static List<(string File, ItemInput Input)> ReadPackage(string fileName, Stream stream, ReadQtiItem.Metadata defaults)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw ReadQtiItem.Refused(fileName, "不是有效的 zip 内容包");
        }
        using (zip)
        {
            var manifestEntry = zip.GetEntry("imsmanifest.xml") ?? throw ReadQtiItem.Refused(fileName, "中缺少 imsmanifest.xml");
            var manifest = Load(fileName + "/imsmanifest.xml", manifestEntry);
            var resources = manifest.Root?.Element(Cp + "resources")?.Elements(Cp + "resource")
                .Where(r => ((string?)r.Attribute("type") ?? "").StartsWith(ItemResourceType, StringComparison.Ordinal)).ToList() ?? [];
            if (resources.Count is 0 or > MaxItems)
            {
                throw ReadQtiItem.Refused(fileName + "/imsmanifest.xml", $"须列出1到{MaxItems}个 {ItemResourceType} 资源");
            }
            var inputs = new List<(string, ItemInput)>();
            foreach (var resource in resources)
            {
                var href = (string?)resource.Attribute("href") ?? "";
                var entry = zip.GetEntry(href) ?? throw ReadQtiItem.Refused(fileName, $"中缺少 imsmanifest.xml 所列的 {href}");
                var file = fileName + "/" + href;
                inputs.Add((file, ReadQtiItem.Read(file, Load(file, entry), MetadataOf(resource, defaults))));
            }
            return inputs;
        }
    }

    private static XDocument Load(string file, ZipArchiveEntry entry)
    {
        if (entry.Length > MaxEntry)
        {
            throw ReadQtiItem.Refused(file, $"超过 {MaxEntry / 1024 / 1024} MB");
        }
        using var stream = entry.Open();
        return ReadQtiItem.Parse(file, stream);
    }

    private static ReadQtiItem.Metadata MetadataOf(XElement resource, ReadQtiItem.Metadata defaults)
    {
        var meta = resource.Element(Cp + "metadata");
        var ec = meta?.Element(Ec + "item");
        var keywords = meta?.Descendants(Lom + "keyword").Select(k => k.Value.Trim()).Where(k => k.Length > 0).ToList();
        return new ReadQtiItem.Metadata((string?)ec?.Attribute("stage") ?? defaults.StageCode, (string?)ec?.Attribute("subject") ?? defaults.SubjectCode,
            int.TryParse((string?)ec?.Attribute("difficulty"), out var d) ? d : defaults.Difficulty, keywords is { Count: > 0 } ? keywords : defaults.KnowledgePoints);
    }

    public static async Task<Ok<Result>> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, IFormFile? file,
        [FromForm] string? stageCode, [FromForm] string? subjectCode, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw ValidationFailedException.For("file", "请选择要导入的 QTI 文件（.xml 或 .zip）");
        }
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await HandleAsync(db, directory, clock, Path.GetFileName(file.FileName), stream, new ReadQtiItem.Metadata(stageCode, subjectCode, null, null), ct));
    }
}
