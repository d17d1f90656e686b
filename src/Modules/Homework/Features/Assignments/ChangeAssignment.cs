using EduCloud.Assessment.Contracts;
using EduCloud.Homework.Data;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Assignments;

/// <summary>
/// The teacher changes their homework: edit (only before any student has submitted, so nobody answered a different
/// question), close early (no more submissions), delete (only with no submissions, so no student's work is lost).
/// </summary>
internal static class ChangeAssignment
{
    public static async Task<AssignmentDto> EditAsync(HomeworkDbContext db, IItemBank bank, TimeProvider clock, Guid id, AssignmentInput input, CancellationToken ct)
    {
        var a = await HomeworkAccess.FindAsync(db, id, ct);
        var me = HomeworkAccess.RequireTeacherOf(db, a.ClassId);
        if (await db.Submissions.AnyAsync(s => s.AssignmentId == id, ct))
        {
            throw new ConflictException("id", "已有学生提交，不能再修改作业");
        }
        var (max, rule, items) = await AssignmentRules.CheckAsync(db, bank, me, input, clock.GetUtcNow().UtcDateTime, ct);
        AssignmentRules.Apply(a, input, max, rule, items);
        a.Revision++;
        db.Criteria.RemoveRange(await db.Criteria.Where(c => c.AssignmentId == id).ToListAsync(ct));
        db.Criteria.AddRange(AssignmentRules.Rubric(id, input));
        await SaveAsync(db, ct);
        return await AssignmentView.DescribeAsync(db, a, ct);
    }

    public static async Task<AssignmentDto> CloseAsync(HomeworkDbContext db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        var a = await HomeworkAccess.FindAsync(db, id, ct);
        HomeworkAccess.RequireTeacherOf(db, a.ClassId);
        a.ClosedAt ??= clock.GetUtcNow().UtcDateTime;
        a.Revision++;
        await SaveAsync(db, ct);
        return await AssignmentView.DescribeAsync(db, a, ct);
    }

    public static async Task DeleteAsync(HomeworkDbContext db, Guid id, CancellationToken ct)
    {
        var a = await HomeworkAccess.FindAsync(db, id, ct);
        HomeworkAccess.RequireTeacherOf(db, a.ClassId);
        if (await db.Submissions.AnyAsync(s => s.AssignmentId == id, ct))
        {
            throw new ConflictException("id", "已有学生提交，不能删除作业（可提前截止）");
        }
        db.Criteria.RemoveRange(await db.Criteria.Where(c => c.AssignmentId == id).ToListAsync(ct));
        db.Assignments.Remove(a);
        await SaveAsync(db, ct);
    }

    private static async Task SaveAsync(HomeworkDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("id", "作业刚被修改，请刷新后重试");
        }
    }

    public static async Task<Ok<AssignmentDto>> EditEndpointAsync(HomeworkDbContext db, IItemBank bank, TimeProvider clock, Guid id, AssignmentInput input, CancellationToken ct) =>
        TypedResults.Ok(await EditAsync(db, bank, clock, id, input, ct));

    public static async Task<Ok<AssignmentDto>> CloseEndpointAsync(HomeworkDbContext db, TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await CloseAsync(db, clock, id, ct));

    public static async Task<NoContent> DeleteEndpointAsync(HomeworkDbContext db, Guid id, CancellationToken ct)
    {
        await DeleteAsync(db, id, ct);
        return TypedResults.NoContent();
    }
}
