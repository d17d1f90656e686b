using System.Text;
using ClosedXML.Excel;
using EduCloud.Kernel.Errors;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Resources.Features.Catalogue;

/// <summary>
/// Imports a textbook catalogue from .xlsx or .csv with the header 学段,学科,教材版本,册,章,节 (one row per section,
/// or per chapter when it has none). Missing nodes are created in row order; existing ones (same name under the
/// same parent) are reused, so importing a file twice changes nothing. All or nothing: any bad row refuses the file
/// and names the row.
/// </summary>
internal static class ImportCatalogue
{
    public static readonly string[] Header = ["学段", "学科", "教材版本", "册", "章", "节"];

    public sealed record Result(int Rows, int Created);

    public static async Task<Result> ApplyAsync(ResourcesDbContext db, IReadOnlyList<string[]> rows, CancellationToken ct)
    {
        var problems = new Problems();
        var existing = await db.CatalogueNodes.ToListAsync(ct);
        var byParentAndName = existing.ToDictionary(n => (n.ParentId, n.Name));
        // Keyed by parent (Guid.Empty for the stages, which have none).
        var nextOrder = existing.GroupBy(n => n.ParentId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Max(n => n.SortOrder));
        var created = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = Enumerable.Range(0, 6).Select(c => c < rows[i].Length ? PlainText.Clean(rows[i][c]) : "").ToArray();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }
            var line = $"第{i + 2}行";
            if (cells.Take(4).Any(c => c.Length == 0) || (cells[5].Length > 0 && cells[4].Length == 0))
            {
                problems.Add("rows", $"{line}：学段、学科、教材版本、册必填，填了节就须填章");
                continue;
            }
            if (cells.Any(c => c.Length > 100 || PlainText.HasMarkup(c)))
            {
                problems.Add("rows", $"{line}：名称过长或含HTML标记");
                continue;
            }
            Guid? parent = null;
            for (var level = 0; level < 6 && cells[level].Length > 0; level++)
            {
                var name = cells[level];
                if (byParentAndName.TryGetValue((parent, name), out var node))
                {
                    parent = node.Id;
                    continue;
                }
                var catalogueLevel = (CatalogueLevel)(level + 1);
                var code = EditCatalogue.CodeFor(catalogueLevel, name, null);
                if (code is null)
                {
                    problems.Add("rows", $"{line}：未知的{CatalogueLevels.Name(catalogueLevel)}“{name}”");
                    break;
                }
                var order = nextOrder[parent ?? Guid.Empty] = nextOrder.GetValueOrDefault(parent ?? Guid.Empty) + 1;
                node = new CatalogueNode
                {
                    ParentId = parent,
                    Level = catalogueLevel,
                    Name = name,
                    Code = code,
                    SortOrder = order,
                    GradeCode = catalogueLevel == CatalogueLevel.Volume ? EditCatalogue.GradeOf(name) : null,
                };
                db.CatalogueNodes.Add(node);
                byParentAndName[(parent, name)] = node;
                created++;
                parent = node.Id;
            }
        }
        problems.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new Result(rows.Count, created);
    }

    /// <summary>Reads the rows (header dropped) of an .xlsx or UTF-8 .csv file.</summary>
    public static List<string[]> Read(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        List<string[]> rows;
        if (extension == ".xlsx")
        {
            try
            {
                using var book = new XLWorkbook(content);
                var sheet = book.Worksheet(1);
                rows = sheet.RowsUsed().Select(r => Enumerable.Range(1, 6).Select(c => r.Cell(c).GetString()).ToArray()).ToList();
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
            {
                throw ValidationFailedException.For("file", "无法读取该 .xlsx 文件");
            }
        }
        else if (extension == ".csv")
        {
            using var reader = new StreamReader(content, Encoding.UTF8);
            rows = [];
            while (reader.ReadLine() is { } line)
            {
                rows.Add(line.Split(',').Select(c => c.Trim().Trim('"')).ToArray());
            }
        }
        else
        {
            throw ValidationFailedException.For("file", "请上传 .xlsx 或 .csv 文件");
        }
        if (rows.Count == 0 || !rows[0].Take(4).SequenceEqual(Header.Take(4)))
        {
            throw ValidationFailedException.For("file", "表头应为：" + string.Join(",", Header));
        }
        return rows.Skip(1).ToList();
    }

    public static async Task<Ok<Result>> EndpointAsync(ResourcesDbContext db, IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered, ct);
        buffered.Position = 0;
        return TypedResults.Ok(await ApplyAsync(db, Read(file.FileName, buffered), ct));
    }
}
