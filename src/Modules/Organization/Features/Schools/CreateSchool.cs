using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Schools;

/// <summary>Registers a school under its 10-digit 学校标识码, inside a county the caller manages.</summary>
internal static class CreateSchool
{
    public sealed record Request(string? Code, string? Name, string[]? Stages, string? UrbanRural, string? RegionCode, string? Address)
    {
        public SchoolInput Input => new(Name, Stages, UrbanRural, RegionCode, Address);
    }

    public static async Task<SchoolDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var code = request.Code?.Trim();
        var problems = new Problems();
        var (stages, urbanRural) = await SchoolRules.ValidateAsync(db, request.Input, code ?? "", problems, ct);
        problems.ThrowIfAny();
        if (await db.Schools.IgnoreQueryFilters().AnyAsync(s => s.Code == code, ct))
        {
            throw new ConflictException("code", $"学校标识码“{code}”已被使用");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var school = new School
        {
            Code = code!,
            Name = request.Name!.Trim(),
            TypeCode = code![..2],
            Stages = stages,
            UrbanRural = urbanRural,
            RegionCode = request.RegionCode!,
            Address = request.Address?.Trim() ?? "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        school.SchoolId = school.Id;
        school.PlaceInCounty(school.RegionCode);
        db.Schools.Add(school);
        await db.SaveChangesAsync(ct);
        return school.ToDto();
    }

    public static async Task<Created<SchoolDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var school = await HandleAsync(db, clock, request, ct);
        return TypedResults.Created($"/api/v1/schools/{school.Id}", school);
    }
}
