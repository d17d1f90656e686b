using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Grades;

/// <summary>
/// Renames a grade (some schools say 七年级 for 初一) or retires/reinstates it. Stage, level and year stay: a grade
/// in the wrong stage is retired and opened again, so classes and students never silently change stage.
/// </summary>
internal static class UpdateGrade
{
    public sealed record Request(string? Name);

    public static async Task<GradeDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct)
    {
        var grade = await db.Grades.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("未找到该年级");
        var problems = new Problems();
        problems.Required(request.Name, "name", "年级名称").MaxLength(request.Name, 30, "name", "年级名称");
        problems.ThrowIfAny();
        grade.Name = request.Name!.Trim();
        grade.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return grade.ToDto(await db.Classes.CountAsync(c => c.GradeId == id && c.RetiredAt == null, ct));
    }

    public static async Task<GradeDto> RetireAsync(OrganizationDbContext db, TimeProvider clock, Guid id, bool retire, CancellationToken ct)
    {
        var grade = await db.Grades.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("未找到该年级");
        var now = clock.GetUtcNow().UtcDateTime;
        grade.RetiredAt = retire ? now : null;
        grade.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return grade.ToDto(await db.Classes.CountAsync(c => c.GradeId == id && c.RetiredAt == null, ct));
    }

    public static async Task<Ok<GradeDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, clock, id, request, ct));

    public static async Task<Ok<GradeDto>> RetireEndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await RetireAsync(db, clock, id, true, ct));

    public static async Task<Ok<GradeDto>> ReinstateEndpointAsync(OrganizationDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await RetireAsync(db, clock, id, false, ct));
}
