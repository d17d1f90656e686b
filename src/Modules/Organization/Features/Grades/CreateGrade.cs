using EduCloud.Kernel.Errors;
using EduCloud.Organization.Data;
using EduCloud.Organization.Domain;
using EduCloud.Organization.Features.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Organization.Features.Grades;

/// <summary>Opens a grade (年级) of a school for an academic year, in a stage the school runs. One per school, year, stage and level.</summary>
internal static class CreateGrade
{
    public sealed record Request(Guid? SchoolId, Guid? AcademicYearId, string? Stage, int? Level);

    public static async Task<GradeDto> HandleAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        // A school the caller cannot see is a 404 (audited as Denied: the attempt is aimed outside their scope).
        var school = request.SchoolId is { } schoolId
            ? await db.Schools.FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new NotFoundException("未找到该学校")
            : null;
        var problems = new Problems();
        problems.Check(school is not null, "schoolId", "请选择学校");
        problems.Check(school?.RetiredAt is null, "schoolId", "学校已撤销");
        var stage = GradeRules.ParseStage(request.Stage);
        problems.Check(stage is not null, "stage", "学段无效");
        if (stage is { } st && school is not null)
        {
            problems.Check(school.Stages.HasFlag(st.AsSet()), "stage", "该校未开设此学段");
            problems.Check(request.Level is { } l && l >= 1 && l <= GradeNames.LevelsIn(st), "level", $"年级应在1至{GradeNames.LevelsIn(st)}之间");
        }
        var year = request.AcademicYearId is { } yearId
            ? await db.AcademicYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == yearId, ct)
            : await AcademicYearRules.CurrentAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        problems.Check(year is not null, "academicYearId", "未找到该学年");
        problems.ThrowIfAny();

        var level = request.Level!.Value;
        if (await db.Grades.IgnoreQueryFilters().AnyAsync(g => g.SchoolId == school!.Id && g.AcademicYearId == year!.Id && g.Stage == stage && g.Level == level, ct))
        {
            throw new ConflictException("level", $"{year!.Name}已有{GradeNames.For(stage!.Value, level)}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var grade = new Grade
        {
            SchoolId = school!.Id,
            AcademicYearId = year!.Id,
            Stage = stage!.Value,
            Level = level,
            Name = GradeNames.For(stage.Value, level),
            EntryYear = year.StartYear - level + 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        grade.PlaceInCounty(school.CountyCode);
        db.Grades.Add(grade);
        await db.SaveChangesAsync(ct);
        return grade.ToDto(0);
    }

    public static async Task<Created<GradeDto>> EndpointAsync(OrganizationDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var grade = await HandleAsync(db, clock, request, ct);
        return TypedResults.Created($"/api/v1/grades/{grade.Id}", grade);
    }
}
