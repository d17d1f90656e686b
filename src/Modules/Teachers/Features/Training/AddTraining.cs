using EduCloud.Kernel.Errors;
using EduCloud.Teachers.Data;
using EduCloud.Teachers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Teachers.Features.Training;

public sealed record TrainingDto(Guid Id, string CourseName, string Provider, int Hours, DateOnly CompletedOn, int Year);

public sealed record TeacherTraining(Guid TeacherId, IReadOnlyList<TrainingDto> Records, TrainingSummary Summary);

/// <summary>Records a completed IT-application training course (提升工程 2.0) for a teacher, and reads a teacher's training.</summary>
internal static class AddTraining
{
    /// <summary>Year: the training year it counts for; the completion year when left out.</summary>
    public sealed record Request(string? CourseName, string? Provider, int? Hours, DateOnly? CompletedOn, int? Year);

    public static async Task<TeacherTraining> HandleAsync(TeachersDbContext db, TimeProvider clock, Guid teacherId, Request request, CancellationToken ct)
    {
        var teacher = await db.Teachers.FirstOrDefaultAsync(t => t.Id == teacherId, ct) ?? throw new NotFoundException("未找到该教师");
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var problems = new Problems();
        problems.Required(request.CourseName, "courseName", "课程名称").MaxLength(request.CourseName?.Trim(), 100, "courseName", "课程名称");
        problems.Required(request.Provider, "provider", "培训机构").MaxLength(request.Provider?.Trim(), 100, "provider", "培训机构");
        problems.Check(request.Hours is >= 1 and <= 200, "hours", "学时应为1-200之间的整数");
        problems.Check(request.CompletedOn is { } d && d <= today && d.Year >= 2013, "completedOn", "完成日期无效");
        var year = request.Year ?? request.CompletedOn?.Year ?? 0;
        problems.Check(request.Year is null || (request.CompletedOn is { } c && Math.Abs(c.Year - year) <= 1), "year", "培训年度应与完成日期相符");
        problems.ThrowIfAny();

        teacher.Training.Add(new TrainingRecord
        {
            CourseName = request.CourseName!.Trim(),
            Provider = request.Provider!.Trim(),
            Hours = request.Hours!.Value,
            CompletedOn = request.CompletedOn!.Value,
            Year = year,
        });
        teacher.Touch(now);
        await db.SaveChangesAsync(ct);
        return Read(teacher, today.Year);
    }

    public static TeacherTraining Read(TeacherRecord teacher, int year) => new(teacher.Id,
        teacher.Training.OrderByDescending(r => r.CompletedOn).Select(r => new TrainingDto(r.Id, r.CourseName, r.Provider, r.Hours, r.CompletedOn, r.Year)).ToList(),
        TrainingTarget.Summarize(teacher.Training, year));

    public static async Task<TeacherTraining> GetAsync(TeachersDbContext db, Guid teacherId, int year, CancellationToken ct)
    {
        var teacher = await db.Teachers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teacherId, ct) ?? throw new NotFoundException("未找到该教师");
        return Read(teacher, year);
    }

    public static async Task<Created<TeacherTraining>> EndpointAsync(TeachersDbContext db, TimeProvider clock, Guid id, Request request, CancellationToken ct) =>
        TypedResults.Created($"/api/v1/teachers/{id}/training", await HandleAsync(db, clock, id, request, ct));

    public static async Task<Ok<TeacherTraining>> GetEndpointAsync(TeachersDbContext db, TimeProvider clock, Guid id, int? year, CancellationToken ct) =>
        TypedResults.Ok(await GetAsync(db, id, year ?? clock.GetUtcNow().Year, ct));
}
