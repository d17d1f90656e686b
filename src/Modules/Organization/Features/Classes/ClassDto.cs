using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Classes;

public sealed record ClassDto(Guid Id, Guid GradeId, Guid SchoolId, int Number, string Name, Guid? TeachingPointId, bool Retired);

/// <summary>The editable fields of a class. A blank name becomes “N班”.</summary>
public sealed record ClassInput(int? Number, string? Name, Guid? TeachingPointId);

internal static class ClassRules
{
    public static ClassDto ToDto(this ClassGroup c) => new(c.Id, c.GradeId, c.SchoolId!.Value, c.Number, c.Name, c.TeachingPointId, c.RetiredAt != null);

    public static string DefaultName(int number) => $"{number}班";

    /// <summary>Checks the number and name, and that a teaching point (if any) belongs to the class's own school and is open.</summary>
    public static async Task CheckAsync(OrganizationDbContext db, Guid schoolId, ClassInput input, Problems problems, CancellationToken ct)
    {
        problems.Check(input.Number is >= 1 and <= 99, "number", "班号应在1至99之间");
        problems.MaxLength(input.Name, 50, "name", "班级名称");
        if (input.TeachingPointId is { } pointId)
        {
            var point = await db.TeachingPoints.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == pointId, ct);
            problems.Check(point is not null && point.CentralSchoolId == schoolId, "teachingPointId", "教学点必须属于本校");
            problems.Check(point?.RetiredAt is null, "teachingPointId", "该教学点已撤销");
        }
    }

    public static async Task EnsureNumberFreeAsync(OrganizationDbContext db, Guid gradeId, int number, Guid? except, CancellationToken ct)
    {
        if (await db.Classes.IgnoreQueryFilters().AnyAsync(c => c.GradeId == gradeId && c.Number == number && c.Id != except, ct))
        {
            throw new ConflictException("number", $"本年级已有{number}班");
        }
    }
}
