using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Quizzes;
using EduCloud.Kernel.Data;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// 开始作答. Idempotent: while the student has an open attempt, starting again returns it (a double click, a retry
/// or a reload never makes a second one; two racing starts meet the unique (quiz, student, number) index and the
/// loser returns the winner's row). An open attempt past its due time is first closed with the answers it has.
/// </summary>
internal static class StartAttempt
{
    public sealed record Services(AssessmentDbContext Db, IClassRoster Roster, IOrganizationDirectory Directory, ILearningRecords Records, TimeProvider Clock);

    public static async Task<AttemptView> HandleAsync(Services s, Guid quizId, CancellationToken ct)
    {
        var db = s.Db;
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var (quiz, classId) = await QuizAccess.ForStudentAsync(db, s.Roster, quizId, ct);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var mine = await db.Attempts.Where(a => a.QuizId == quizId && a.StudentId == me).OrderBy(a => a.Number).ToListAsync(ct);
        if (mine.LastOrDefault() is { Status: AttemptStatus.InProgress } open)
        {
            if (now <= open.DueAt)
            {
                return await GetAttempt.ViewAsync(db, quiz, open, false, ct);
            }
            await SubmitAttempt.FinishAsync(s.Db, s.Records, quiz, open, open.DueAt, ct);
        }
        if (now < quiz.OpensAt)
        {
            throw new ConflictException("quizId", "该自测尚未开放");
        }
        if (now >= quiz.ClosesAt)
        {
            throw new ConflictException("quizId", "该自测已截止");
        }
        if (mine.Count >= quiz.AttemptsAllowed)
        {
            throw new ConflictException("quizId", $"该自测最多可作答{quiz.AttemptsAllowed}次，您已用完");
        }
        var place = await s.Directory.FindClassAsync(classId, ct) ?? throw new NotFoundException("未找到该班级");
        var due = quiz.TimeLimitMinutes is { } limit && now.AddMinutes(limit) < quiz.ClosesAt ? now.AddMinutes(limit) : quiz.ClosesAt;
        var attempt = new Attempt
        {
            QuizId = quizId, StudentId = me, StudentName = db.Actor.DisplayName ?? "", Number = mine.Count + 1, StartedAt = now, DueAt = due,
            MaxScore = quiz.Items.Sum(i => i.Points),
            ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId, ClassId = classId,
        };
        db.Attempts.Add(attempt);
        try
        {
            // A student manages no place: the attempt's place is the class the quiz was assigned to, not their choice.
            using var turn = await SqliteWriterTurns.TakeAsync(db, ct);
            await db.SaveChangesAsPlatformAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.Attempts.FirstOrDefaultAsync(a => a.QuizId == quizId && a.StudentId == me && a.Number == attempt.Number, ct)
                ?? throw new ConflictException("quizId", "请重试");
            return await GetAttempt.ViewAsync(db, quiz, winner, false, ct);
        }
        await s.Records.RecordAsync(LearningActs.Attempted(quiz, attempt), ct);
        return AttemptViews.Of(quiz, attempt, [], isOwner: false); // a new attempt has no answers yet
    }

    public static async Task<Ok<AttemptView>> EndpointAsync(AssessmentDbContext db, IClassRoster roster, IOrganizationDirectory directory, ILearningRecords records,
        TimeProvider clock, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await HandleAsync(new Services(db, roster, directory, records, clock), id, ct));
}
