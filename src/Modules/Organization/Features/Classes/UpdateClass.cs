using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Classes;

/// <summary>Renumbers or renames a class, moves it to or from a teaching point, or retires/reinstates it.</summary>
internal static class UpdateClass
{
    public static async Task<ClassDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Guid id, ClassInput input, CancellationToken ct)
    {
        var cls = await db.Classes.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("未找到该班级");
        var problems = new Problems();
        await ClassRules.CheckAsync(db, cls.SchoolId!.Value, input, problems, ct);
        problems.ThrowIfAny();
        var number = input.Number!.Value;
        await ClassRules.EnsureNumberFreeAsync(db, cls.GradeId, number, cls.Id, ct);
        cls.Number = number;
        cls.Name = string.IsNullOrWhiteSpace(input.Name) ? ClassRules.DefaultName(number) : input.Name.Trim();
        cls.TeachingPointId = input.TeachingPointId;
        cls.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return cls.ToDto();
    }

    public static async Task<ClassDto> RetireAsync(OrganizationDbContext db, TimeProvider clock, Guid id, bool retire, CancellationToken ct)
    {
        var cls = await db.Classes.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("未找到该班级");
        var now = clock.GetUtcNow().UtcDateTime;
        cls.RetiredAt = retire ? now : null;
        cls.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return cls.ToDto();
    }

    public static async Task<Ok<ClassDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, ClassInput input, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, input, ct));

    public static async Task<Ok<ClassDto>> RetireEndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await RetireAsync(db, clock, id, true, ct));

    public static async Task<Ok<ClassDto>> ReinstateEndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await RetireAsync(db, clock, id, false, ct));
}
