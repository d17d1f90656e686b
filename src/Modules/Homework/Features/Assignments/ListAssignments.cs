using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Homework.Features.Assignments;

/// <summary>The homework the caller sees by place (a teacher: their classes; an administrator: their schools), newest due first, with counts.</summary>
internal static class ListAssignments
{
    public sealed record Row(Guid Id, Guid ClassId, string ClassName, string Title, string Subject, DateTimeOffset DueAt, string Deadline, bool Closed,
        double MaxScore, int Submitted, int Late, int Marked);

    public static async Task<IReadOnlyList<Row>> HandleAsync(HomeworkDbContext db, Guid? classId, CancellationToken ct)
    {
        var assignments = db.Assignments.AsNoTracking();
        if (classId is { } c)
        {
            assignments = assignments.Where(a => a.ClassId == c);
        }
        var rows = await assignments.OrderByDescending(a => a.DueAt).Take(200)
            .Select(a => new { a.Id, a.ClassId, a.ClassName, a.Title, a.Subject, a.DueAt, a.Deadline, a.ClosedAt, a.MaxScore }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.AssignmentId))
            .GroupBy(s => s.AssignmentId)
            .Select(g => new { Id = g.Key, Count = g.Count(), Late = g.Count(s => s.Late), Marked = g.Count(s => s.Status == SubmissionStatus.Marked) })
            .ToDictionaryAsync(x => x.Id, ct);
        return rows.Select(r =>
        {
            var n = counts.GetValueOrDefault(r.Id);
            return new Row(r.Id, r.ClassId ?? Guid.Empty, r.ClassName, r.Title, r.Subject, AssignmentView.Utc(r.DueAt), r.Deadline.ToString(), r.ClosedAt is not null,
                r.MaxScore, n?.Count ?? 0, n?.Late ?? 0, n?.Marked ?? 0);
        }).ToList();
    }

    public static async Task<Ok<IReadOnlyList<Row>>> EndpointAsync(HomeworkDbContext db, Guid? classId, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, classId, ct));
}
