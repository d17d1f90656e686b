using EduCloud.Kernel.Codes;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Regions;

public sealed record RegionDto(string Code, string Name, RegionLevel Level, string? ParentCode, DateOnly? RetiredOn, string? ReplacedBy);

/// <summary>The children of a region (provinces when no parent is given). Reference data: public to signed-in users.</summary>
internal static class ListRegions
{
    public static async Task<List<RegionDto>> HandleAsync(OrganizationDbContext db, string? parent, bool includeRetired, CancellationToken ct)
    {
        var regions = db.Regions.AsNoTracking();
        regions = string.IsNullOrEmpty(parent) ? regions.Where(r => r.ParentCode == null) : regions.Where(r => r.ParentCode == parent);
        if (!includeRetired)
        {
            regions = regions.Where(r => r.RetiredOn == null);
        }
        return await regions.OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level, r.ParentCode, r.RetiredOn, r.ReplacedBy))
            .ToListAsync(ct);
    }

    public static async Task<Ok<List<RegionDto>>> EndpointAsync(OrganizationDbContext db, string? parent, bool? includeRetired, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, parent, includeRetired ?? false, ct));

    public static async Task<Results<Ok<RegionDto>, NotFound>> GetAsync(OrganizationDbContext db, string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level, r.ParentCode, r.RetiredOn, r.ReplacedBy))
            .FirstOrDefaultAsync(ct) is { } region ? TypedResults.Ok(region) : TypedResults.NotFound();
}
