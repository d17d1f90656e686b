using System.Globalization;
using System.Text;
using System.Text.Json;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EduCloud.Monitoring.OpenData;

/// <summary>
/// The public API of the open catalogue (no sign-in): the list, and each dataset as JSON or as CSV (UTF-8 with a
/// byte-order mark, so Excel opens the Chinese headers right). Suppressed cells: "&lt;5" or "*" in CSV, null + flag in JSON.
/// </summary>
internal static class DownloadOpenData
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/open-data").WithTags("OpenData").AllowAnonymous();
        open.MapGet("", async (OpenDataCatalogue catalogue, CancellationToken ct) => TypedResults.Ok(await catalogue.ListAsync(ct)))
            .WithSummary("教育公共信息资源开放目录：数据集、说明、许可协议、更新日期和下载地址（无需登录）");
        open.MapGet("/{file}", FileAsync).WithSummary("下载开放数据集：{id}.csv（UTF-8 BOM）或 {id}.json；少于5人的单元格已抑制");
    }

    private static async Task<IResult> FileAsync(OpenDataCatalogue catalogue, string file, CancellationToken ct)
    {
        var (id, format) = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? (file[..^4], "csv")
            : file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? (file[..^5], "json") : (file, "json");
        if (!OpenDataCatalogue.Ids.Contains(id))
        {
            throw new NotFoundException("未找到该开放数据集");
        }
        var table = await catalogue.BuildAsync(id, ct);
        return format == "csv"
            ? TypedResults.File(Csv(table), "text/csv; charset=utf-8", $"{id}.csv")
            : TypedResults.Text(Json(table), "application/json; charset=utf-8");
    }

    public static byte[] Csv(OpenTable table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", new[] { "行政区划代码", "地区" }.Concat(table.Columns.Select(c => c.Unit.Length > 0 ? $"{c.Title}（{c.Unit}）" : c.Title)).Select(Quote))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            var cells = new List<string> { Quote(row.RegionCode), Quote(row.RegionName) };
            cells.AddRange(row.Values.Select((v, i) => row.Flags[i] switch
            {
                "small" => "<5",
                "secondary" => "*",
                _ => v?.ToString(CultureInfo.InvariantCulture) ?? "",
            }));
            text.Append(string.Join(",", cells)).Append("\r\n");
        }
        text.Append(Quote("说明：" + table.Notes + " 许可：" + table.Licence + " 更新日期：" + table.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Json(OpenTable table) => JsonSerializer.Serialize(new
    {
        table.Id,
        table.Title,
        table.Description,
        table.Licence,
        table.LicenceUrl,
        Updated = table.Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        table.Notes,
        table.Columns,
        Rows = table.Rows.Select(r => new
        {
            r.RegionCode,
            r.RegionName,
            Values = table.Columns.Select((c, i) => (c.Key, Value: r.Values[i])).ToDictionary(x => x.Key, x => x.Value),
            Suppressed = table.Columns.Select((c, i) => (c.Key, Flag: r.Flags[i])).Where(x => x.Flag is not null).ToDictionary(x => x.Key, x => x.Flag),
        }),
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Quote(string text) => text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
