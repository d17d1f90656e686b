using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Quizzes;

/// <summary>
/// 我的自测: a teacher's own quizzes (with how many have submitted); a student's quizzes of their classes, open
/// ones first, each with their attempts so far (status and score).
/// </summary>
internal static class ListQuizzes
{
    public sealed record Entry(QuizDto Quiz, bool Mine, bool Open, int Submitted, IReadOnlyList<AttemptSummary> MyAttempts);

    public sealed record AttemptSummary(Guid Id, int Number, string Status, DateTime StartedAt, DateTime? SubmittedAt, decimal? Score, int MaxScore, int PendingMarks);

    public static async Task<IReadOnlyList<Entry>> HandleAsync(AssessmentDbContext db, IClassRoster roster, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var me = db.Actor.UserId;
        var entries = new List<Entry>();
        if (db.Actor.Roles.Contains(Role.Teacher))
        {
            var own = await db.Quizzes.AsNoTracking().Include(q => q.Items).Include(q => q.Classes).Where(q => q.OwnerId == me)
                .OrderByDescending(q => q.CreatedAt).Take(200).ToListAsync(ct);
            var ids = own.Select(q => q.Id).ToList();
            var counts = await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.QuizId) && a.Status != AttemptStatus.InProgress)
                .GroupBy(a => a.QuizId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            entries.AddRange(own.Select(q => new Entry(QuizDto.Of(q), true, IsOpen(q, now), counts.GetValueOrDefault(q.Id), [])));
        }
        var classes = await QuizAccess.StudentClassesAsync(db.Actor, roster, ct);
        if (classes.Count > 0)
        {
            var assigned = await db.Quizzes.AsNoTracking().Include(q => q.Items).Include(q => q.Classes)
                .Where(q => q.Classes.Any(c => classes.Contains(c.ClassId))).OrderByDescending(q => q.ClosesAt).Take(200).ToListAsync(ct);
            var ids = assigned.Select(q => q.Id).ToList();
            var attempts = (await db.Attempts.AsNoTracking().Where(a => a.StudentId == me && ids.Contains(a.QuizId)).OrderBy(a => a.Number).ToListAsync(ct)).ToLookup(a => a.QuizId);
            entries.AddRange(assigned.OrderByDescending(q => IsOpen(q, now)).Select(q => new Entry(QuizDto.Of(q), false, IsOpen(q, now), 0,
                attempts[q.Id].Select(a => new AttemptSummary(a.Id, a.Number, a.Status.ToString(), a.StartedAt, a.SubmittedAt,
                    a.Status == AttemptStatus.InProgress ? null : a.Score, a.MaxScore, a.PendingMarks)).ToList())));
        }
        return entries;
    }

    public static bool IsOpen(Quiz q, DateTime now) => q.OpensAt <= now && now < q.ClosesAt;

    public static async Task<Ok<IReadOnlyList<Entry>>> EndpointAsync(AssessmentDbContext db, IClassRoster roster, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(db, roster, clock, ct));
}
