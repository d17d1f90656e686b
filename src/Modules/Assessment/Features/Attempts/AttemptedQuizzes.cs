using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// Quizzes that a student has started, with their items and classes, kept in memory. A quiz is frozen once its first
/// attempt exists (UpdateQuiz refuses it from then on, and quizzes are never deleted), so the copy read after an
/// attempt was seen stays true on every server; an exam's 10,000 answers and 2,000 submissions then read their quiz
/// here instead of one query with its items each. Only filled by <see cref="GetAsync"/> after the caller has read an
/// attempt of that quiz. Shared, read-only objects: callers must not change them. Static because the ids are unique
/// and the content cannot change, whatever database or host reads it.
/// </summary>
internal static class AttemptedQuizzes
{
    private static readonly MemoryCache Kept = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    /// <summary>The quiz of an attempt that exists (call it only after reading the attempt).</summary>
    public static async Task<Quiz> GetAsync(AssessmentDbContext db, Guid quizId, CancellationToken ct)
    {
        if (Kept.TryGetValue(quizId, out Quiz? quiz))
        {
            return quiz!;
        }
        quiz = await db.Quizzes.AsNoTracking().Include(q => q.Classes).Include(q => q.Items.OrderBy(i => i.Position)).FirstAsync(q => q.Id == quizId, ct);
        Kept.Set(quizId, quiz, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return quiz;
    }

    /// <summary>The kept quiz, if a student has started it on this server (then it is frozen).</summary>
    public static Quiz? Find(Guid quizId) => Kept.TryGetValue(quizId, out Quiz? quiz) ? quiz : null;
}
