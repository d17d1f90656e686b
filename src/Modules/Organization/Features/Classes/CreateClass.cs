using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Classes;

/// <summary>Opens a class in a grade. The class row is its own node (ClassId = Id), so a teacher assigned to it sees it.</summary>
internal static class CreateClass
{
    public sealed record Request(Guid? GradeId, int? Number, string? Name, Guid? TeachingPointId)
    {
        public ClassInput Input => new(Number, Name, TeachingPointId);
    }

    public static async Task<ClassDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        // A grade the caller cannot see is a 404 (audited as Denied: the attempt is aimed outside their scope).
        var grade = request.GradeId is { } gradeId
            ? await db.Grades.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gradeId, ct) ?? throw new NotFoundException("未找到该年级")
            : throw ValidationFailedException.For("gradeId", "请选择年级");
        var problems = new Problems();
        problems.Check(grade.RetiredAt is null, "gradeId", "该年级已撤销");
        await ClassRules.CheckAsync(db, grade.SchoolId!.Value, request.Input, problems, ct);
        problems.ThrowIfAny();
        var number = request.Number!.Value;
        await ClassRules.EnsureNumberFreeAsync(db, grade.Id, number, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cls = new ClassGroup
        {
            GradeId = grade.Id,
            Number = number,
            Name = string.IsNullOrWhiteSpace(request.Name) ? ClassRules.DefaultName(number) : request.Name.Trim(),
            TeachingPointId = request.TeachingPointId,
            SchoolId = grade.SchoolId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        cls.ClassId = cls.Id;
        cls.PlaceInCounty(grade.CountyCode);
        db.Classes.Add(cls);
        await db.SaveChangesAsync(ct);
        return cls.ToDto();
    }

    public static async Task<Created<ClassDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var cls = await HandleAsync(db, clock, request, ct);
        return TypedResults.Created($"/api/v1/classes/{cls.Id}", cls);
    }
}
