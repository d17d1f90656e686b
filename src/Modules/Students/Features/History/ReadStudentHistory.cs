using EduCloud.Kernel.Errors;
using EduCloud.Students.Data;
using EduCloud.Students.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Students.Features.History;

/// <summary>
/// A student's whole 学籍异动 history, wherever each change happened. Each change row stays at the school where it was
/// made, so the filter alone would show a receiving school only its own part; the history is read through the student
/// record instead: whoever may see the student now sees all of it. That is how the history moves with the student.
/// </summary>
internal static class ReadStudentHistory
{
    public sealed record ChangeDto(Guid Id, string Kind, string ReasonCode, DateOnly EffectiveOn, string? FromStatus, string ToStatus,
        Guid? FromSchoolId, Guid? ToSchoolId, Guid? FromClassId, Guid? ToClassId, int? FromGradeLevel, int? ToGradeLevel,
        Guid? BatchId, Guid? CancelsChangeId, Guid? CancelledByChangeId, string RecordedByName, DateTime RecordedAt);

    public static async Task<IReadOnlyList<ChangeDto>> HandleAsync(StudentsDbContext db, Guid studentId, CancellationToken ct)
    {
        if (!await db.Students.AnyAsync(s => s.Id == studentId, ct))
        {
            throw new NotFoundException("未找到该学生");
        }
        var rows = await db.StatusChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.StudentId == studentId)
            .OrderBy(c => c.EffectiveOn).ThenBy(c => c.RecordedAt).ToListAsync(ct);
        return rows.Select(c => new ChangeDto(c.Id, c.Kind.ToString(), c.ReasonCode, c.EffectiveOn, c.FromStatus?.ToString(), c.ToStatus.ToString(),
            c.FromSchoolId, c.ToSchoolId, c.FromClassId, c.ToClassId, c.FromGradeLevel, c.ToGradeLevel, c.BatchId, c.CancelsChangeId,
            c.CancelledByChangeId, c.RecordedByName, c.RecordedAt)).ToList();
    }

    public static async Task<Results<Ok<IReadOnlyList<ChangeDto>>, NotFound>> EndpointAsync(StudentsDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await HandleAsync(db, id, ct));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}
