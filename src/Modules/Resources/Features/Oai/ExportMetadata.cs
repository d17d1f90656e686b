using System.Text;
using System.Xml;
using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Oai;

/// <summary>One published resource's metadata as a file: Dublin Core (format=oai_dc, the default) or LOM/CELTS-3 (format=lom).</summary>
internal static class ExportMetadata
{
    public static async Task<IResult> EndpointAsync(ResourcesDbContext db, ResourcesOptions options, HttpContext http, Guid id, string? format, CancellationToken ct)
    {
        var prefix = format ?? "oai_dc";
        if (!WriteMetadata.Formats.Any(f => f.Prefix == prefix))
        {
            throw ValidationFailedException.For("format", "元数据格式应为 oai_dc 或 lom");
        }
        var row = await (from r in db.Resources.AsNoTracking()
                         join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id
                         where r.Id == id && r.SchoolId == null
                         select new { r, v }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("未找到该资源或该资源未发布");
        var site = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var item = new WriteMetadata.Item(row.r, row.v, $"oai:{options.OaiRepositoryIdentifier}:{id}", $"{site}/resources/{id}", options.OaiRepositoryName);
        var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            WriteMetadata.Write(w, prefix, item);
        }
        return Results.File(stream.ToArray(), "application/xml; charset=utf-8", $"{id}-{prefix}.xml");
    }
}
