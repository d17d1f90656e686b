using System.Xml;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.EntityFrameworkCore;
using static EduCloud.Resources.Features.Oai.OaiEndpoint;

namespace EduCloud.Resources.Features.Oai;

/// <summary>
/// The six verbs' answers over res_oai_record (published resources and the tombstones of taken-down ones, 校本资源
/// never). Lists walk (datestamp, id) in order, a page at a time, resumed by ResumptionToken.
/// </summary>
internal sealed class HarvestRecords(ResourcesDbContext db, ResourcesOptions options, string siteUrl)
{
    public async Task WriteAsync(XmlWriter w, string verb, Dictionary<string, string> args, CancellationToken ct)
    {
        switch (verb)
        {
            case "Identify":
                await IdentifyAsync(w, ct);
                break;
            case "ListMetadataFormats":
                if (args.TryGetValue("identifier", out var id))
                {
                    await FindAsync(id, ct);
                }
                w.WriteStartElement("ListMetadataFormats", OaiNamespace);
                foreach (var (prefix, schema, ns) in WriteMetadata.Formats)
                {
                    w.WriteStartElement("metadataFormat", OaiNamespace);
                    w.WriteElementString("metadataPrefix", OaiNamespace, prefix);
                    w.WriteElementString("schema", OaiNamespace, schema);
                    w.WriteElementString("metadataNamespace", OaiNamespace, ns);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                break;
            case "ListSets":
                if (args.ContainsKey("resumptionToken"))
                {
                    throw new OaiError("badResumptionToken", "集合列表一次返回，没有续传令牌");
                }
                w.WriteStartElement("ListSets", OaiNamespace);
                foreach (var (spec, name) in OaiSets.All())
                {
                    w.WriteStartElement("set", OaiNamespace);
                    w.WriteElementString("setSpec", OaiNamespace, spec);
                    w.WriteElementString("setName", OaiNamespace, name);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                break;
            case "GetRecord":
                var prefix1 = CheckPrefix(args["metadataPrefix"]);
                var record = await FindAsync(args["identifier"], ct);
                var items = await ItemsAsync([record], ct);
                w.WriteStartElement("GetRecord", OaiNamespace);
                WriteRecord(w, record, items.GetValueOrDefault(record.ResourceId), prefix1, withMetadata: true);
                w.WriteEndElement();
                break;
            default:
                await ListAsync(w, verb, args, ct);
                break;
        }
    }

    private async Task IdentifyAsync(XmlWriter w, CancellationToken ct)
    {
        w.WriteStartElement("Identify", OaiNamespace);
        w.WriteElementString("repositoryName", OaiNamespace, options.OaiRepositoryName);
        w.WriteElementString("baseURL", OaiNamespace, siteUrl + "/oai");
        w.WriteElementString("protocolVersion", OaiNamespace, "2.0");
        w.WriteElementString("adminEmail", OaiNamespace, options.OaiAdminEmail);
        w.WriteElementString("earliestDatestamp", OaiNamespace, Stamp(await EarliestAsync(db, ct) ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        w.WriteElementString("deletedRecord", OaiNamespace, "persistent");
        w.WriteElementString("granularity", OaiNamespace, "YYYY-MM-DDThh:mm:ssZ");
        w.WriteEndElement();
    }

    private static string CheckPrefix(string prefix) =>
        WriteMetadata.Formats.Any(f => f.Prefix == prefix) ? prefix : throw new OaiError("cannotDisseminateFormat", $"不支持的元数据格式 {prefix}（可用：oai_dc、lom）");

    private string Identifier(Guid id) => $"oai:{options.OaiRepositoryIdentifier}:{id}";

    private async Task<OaiRecord> FindAsync(string identifier, CancellationToken ct)
    {
        var prefix = $"oai:{options.OaiRepositoryIdentifier}:";
        if (identifier.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(identifier[prefix.Length..], out var id)
            && await db.OaiRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ResourceId == id, ct) is { } record)
        {
            return record;
        }
        throw new OaiError("idDoesNotExist", $"本库中没有标识符为 {identifier} 的记录");
    }

    private async Task ListAsync(XmlWriter w, string verb, Dictionary<string, string> args, CancellationToken ct)
    {
        ResumptionToken request;
        var resumed = args.TryGetValue("resumptionToken", out var token);
        if (resumed)
        {
            request = ResumptionToken.TryDecode(token!) is { } t && WriteMetadata.Formats.Any(f => f.Prefix == t.Prefix)
                ? t : throw new OaiError("badResumptionToken", "续传令牌无效");
        }
        else
        {
            request = new ResumptionToken(CheckPrefix(args["metadataPrefix"]), args.GetValueOrDefault("set"), args.GetValueOrDefault("from"), args.GetValueOrDefault("until"),
                DateTime.MinValue, new string('0', 32), 0, 0);
        }
        var query = Filter(request, resumed);
        var total = resumed ? request.CompleteListSize : await query.CountAsync(ct);
        if (resumed)
        {
            var (after, key) = (request.AfterDatestamp, request.AfterKey);
            query = query.Where(r => r.Datestamp > after || (r.Datestamp == after && string.Compare(r.SortKey, key) > 0));
        }
        var size = Math.Max(1, options.OaiPageSize);
        var page = await query.OrderBy(r => r.Datestamp).ThenBy(r => r.SortKey).Take(size + 1).ToListAsync(ct);
        if (page.Count == 0)
        {
            throw resumed ? new OaiError("badResumptionToken", "续传令牌已无后续记录") : new OaiError("noRecordsMatch", "没有符合条件的记录");
        }
        var more = page.Count > size;
        page = page.Take(size).ToList();
        var records = verb == "ListRecords";
        var items = records ? await ItemsAsync(page, ct) : [];
        w.WriteStartElement(verb, OaiNamespace);
        foreach (var r in page)
        {
            WriteRecord(w, r, items.GetValueOrDefault(r.ResourceId), request.Prefix, records);
        }
        if (resumed || more)
        {
            w.WriteStartElement("resumptionToken", OaiNamespace);
            w.WriteAttributeString("completeListSize", Math.Max(total, request.Cursor + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteAttributeString("cursor", request.Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (more)
            {
                var last = page[^1];
                w.WriteString((request with { AfterDatestamp = last.Datestamp, AfterKey = last.SortKey, Cursor = request.Cursor + page.Count, CompleteListSize = total }).Encode());
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    /// <summary>The records a list request selects (from/until/set), or the protocol error its arguments deserve.</summary>
    private IQueryable<OaiRecord> Filter(ResumptionToken request, bool resumed)
    {
        var query = db.OaiRecords.AsNoTracking();
        OaiError Bad(string message) => resumed ? new OaiError("badResumptionToken", "续传令牌无效") : new OaiError("badArgument", message);
        (DateTime Start, DateTime End, bool Day)? from = null, until = null;
        try
        {
            from = request.From is null ? null : ParseDate(request.From, "from");
            until = request.Until is null ? null : ParseDate(request.Until, "until");
        }
        catch (OaiError e)
        {
            throw Bad(e.Message);
        }
        if (from is not null && until is not null && (from.Value.Day != until.Value.Day || from.Value.Start > until.Value.Start))
        {
            throw Bad(from.Value.Day != until.Value.Day ? "from 与 until 的粒度必须相同" : "from 不能晚于 until");
        }
        if (from is { } f)
        {
            query = query.Where(r => r.Datestamp >= f.Start);
        }
        if (until is { } u)
        {
            query = query.Where(r => r.Datestamp < u.End);
        }
        if (request.Set is not null)
        {
            if (!OaiSets.TryParse(request.Set, out var stage, out var subject))
            {
                throw resumed ? Bad("") : new OaiError("noRecordsMatch", $"没有集合 {request.Set}（见 ListSets）");
            }
            query = stage is null ? query : query.Where(r => r.StageCode == stage);
            query = subject is null ? query : query.Where(r => r.SubjectCode == subject);
        }
        return query;
    }

    private async Task<Dictionary<Guid, WriteMetadata.Item>> ItemsAsync(IReadOnlyList<OaiRecord> records, CancellationToken ct)
    {
        var ids = records.Where(r => !r.Deleted).Select(r => r.ResourceId).ToList();
        var rows = await (from r in db.Resources.AsNoTracking()
                          join v in db.Versions.AsNoTracking() on r.PublishedVersionId equals v.Id
                          where ids.Contains(r.Id)
                          select new { r, v }).ToListAsync(ct);
        return rows.ToDictionary(x => x.r.Id, x => new WriteMetadata.Item(x.r, x.v, Identifier(x.r.Id), $"{siteUrl}/resources/{x.r.Id}", options.OaiRepositoryName));
    }

    private void WriteRecord(XmlWriter w, OaiRecord record, WriteMetadata.Item? item, string prefix, bool withMetadata)
    {
        var deleted = record.Deleted || item is null;
        if (withMetadata)
        {
            w.WriteStartElement("record", OaiNamespace);
        }
        w.WriteStartElement("header", OaiNamespace);
        if (deleted)
        {
            w.WriteAttributeString("status", "deleted");
        }
        w.WriteElementString("identifier", OaiNamespace, Identifier(record.ResourceId));
        w.WriteElementString("datestamp", OaiNamespace, Stamp(record.Datestamp));
        foreach (var set in OaiSets.Of(record.StageCode, record.SubjectCode))
        {
            w.WriteElementString("setSpec", OaiNamespace, set);
        }
        w.WriteEndElement();
        if (withMetadata)
        {
            if (!deleted)
            {
                w.WriteStartElement("metadata", OaiNamespace);
                WriteMetadata.Write(w, prefix, item!);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
    }
}
