using EduCloud.Kernel.Errors;
using EduCloud.Spaces.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Spaces.Features.Plans;

/// <summary>
/// 版本比较: the lines of each field that one version removed and added relative to another (a longest-common-subsequence
/// diff over lines; plans are short, so the quadratic table is cheap).
/// </summary>
internal static class DiffVersions
{
    public sealed record Line(string Kind, string Text);

    public sealed record FieldDiff(string Field, string Label, IReadOnlyList<Line> Lines);

    public sealed record Response(int From, int To, IReadOnlyList<FieldDiff> Fields);

    public static async Task<Response> HandleAsync(SpacesDbContext db, Guid id, int from, int to, CancellationToken ct)
    {
        await PlanAccess.FindAsync(db, id, ct);
        var versions = await db.Versions.AsNoTracking().Where(v => v.PlanId == id && (v.Number == from || v.Number == to)).ToListAsync(ct);
        var a = versions.FirstOrDefault(v => v.Number == from) ?? throw new NotFoundException($"没有第 {from} 版");
        var b = versions.FirstOrDefault(v => v.Number == to) ?? throw new NotFoundException($"没有第 {to} 版");
        List<FieldDiff> fields =
        [
            new("title", "课题", Lines(a.Title, b.Title)),
            new("objectives", "教学目标", Lines(a.Objectives, b.Objectives)),
            new("process", "教学过程", Lines(a.Process, b.Process)),
            new("resourceIds", "引用资源", Lines(string.Join('\n', a.ResourceIds), string.Join('\n', b.ResourceIds))),
        ];
        return new Response(from, to, [.. fields.Where(f => f.Lines.Any(l => l.Kind != "same"))]);
    }

    /// <summary>Every line of both texts in order, marked same, removed or added.</summary>
    public static List<Line> Lines(string before, string after)
    {
        var x = Split(before);
        var y = Split(after);
        var lcs = new int[x.Length + 1, y.Length + 1];
        for (var i = x.Length - 1; i >= 0; i--)
        {
            for (var j = y.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = x[i] == y[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var lines = new List<Line>();
        int p = 0, q = 0;
        while (p < x.Length || q < y.Length)
        {
            if (p < x.Length && q < y.Length && x[p] == y[q])
            {
                lines.Add(new("same", x[p++]));
                q++;
            }
            else if (p < x.Length && (q == y.Length || lcs[p + 1, q] >= lcs[p, q + 1]))
            {
                lines.Add(new("removed", x[p++]));
            }
            else
            {
                lines.Add(new("added", y[q++]));
            }
        }
        return lines;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');

    public static async Task<Ok<Response>> EndpointAsync(SpacesDbContext db, Guid id, int from, int to, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, id, from, to, ct));
}
