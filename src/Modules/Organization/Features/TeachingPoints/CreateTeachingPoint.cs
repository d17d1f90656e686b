using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Organization.Features.TeachingPoints;

/// <summary>Opens a teaching point under a central school. Its rows are scoped to the central school (SchoolId) and its own county.</summary>
internal static class CreateTeachingPoint
{
    public sealed record Request(Guid? CentralSchoolId, string? Name, string? RegionCode, string? Address, string? UrbanRural)
    {
        public TeachingPointInput Input => new(Name, RegionCode, Address, UrbanRural);
    }

    public static async Task<TeachingPointDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var school = await TeachingPointRules.FindCentralSchoolAsync(db, request.CentralSchoolId, ct);
        var problems = new Problems();
        var urbanRural = await TeachingPointRules.ValidateAsync(db, school, request.Input, problems, ct);
        problems.ThrowIfAny();
        var now = clock.GetUtcNow().UtcDateTime;
        var point = new TeachingPoint
        {
            CentralSchoolId = school.Id,
            SchoolId = school.Id,
            Name = request.Name!.Trim(),
            RegionCode = request.RegionCode!,
            Address = request.Address?.Trim() ?? "",
            UrbanRural = urbanRural,
            CreatedAt = now,
            UpdatedAt = now,
        };
        point.PlaceInCounty(point.RegionCode);
        db.TeachingPoints.Add(point);
        await db.SaveChangesAsync(ct);
        return point.ToDto();
    }

    public static async Task<Created<TeachingPointDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var point = await HandleAsync(db, clock, request, ct);
        return TypedResults.Created($"/api/v1/teaching-points/{point.Id}", point);
    }
}
