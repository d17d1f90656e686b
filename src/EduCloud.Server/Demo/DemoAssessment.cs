using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Attempts;
using EduCloud.Identity.Data;
using EduCloud.Organization.Contracts;
using EduCloud.Records.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// 题库与自测 on first run: `teacher` owns a few items of every type (two shared with the school) and an open self-test
/// for the class of `student` (the teacher's first class), open for 60 days, so /assess/quizzes shows it to the student;
/// and a closed 第一单元自测 that `student` finished and got marked last week, with its xAPI statements, so the parent's
/// /assess/children, the /timeline and the teacher's /assess/mastery show something.
/// </summary>
internal static class DemoAssessment
{
    public static async Task<int> SeedAsync(IServiceProvider sp, IdentityDbContext identity, TimeProvider clock, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AssessmentDbContext>();
        if (await db.Items.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }
        string[] names = ["TEACHER", "STUDENT"];
        var people = await identity.Accounts.IgnoreQueryFilters().Where(a => names.Contains(a.NormalizedUserName))
            .ToDictionaryAsync(a => a.NormalizedUserName.ToLowerInvariant(), a => (a.Id, a.DisplayName), ct);
        if (people.Count < names.Length)
        {
            return 0;
        }
        var teacher = people["teacher"];
        var classId = await identity.Assignments.IgnoreQueryFilters().Where(a => a.AccountId == people["student"].Id && a.ClassId != null).Select(a => a.ClassId!.Value).FirstAsync(ct);
        var place = (await sp.GetRequiredService<IOrganizationDirectory>().FindClassAsync(classId, ct))!;
        var now = clock.GetUtcNow().UtcDateTime;
        Item New(ItemKind kind, string subject, string stem, int points, int difficulty, string[] tags, bool shared = false) => new()
        {
            Kind = kind, Stem = stem, StageCode = "primary", SubjectCode = subject, Points = points, Difficulty = difficulty, KnowledgePoints = [.. tags], Shared = shared,
            OwnerId = teacher.Id, OwnerName = teacher.DisplayName, CreatedAt = now, UpdatedAt = now,
            ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId,
        };
        static List<ItemOption> Options(string correct, params string[] texts) =>
            texts.Select((t, i) => new ItemOption { Key = ((char)('A' + i)).ToString(), Text = t, Correct = correct.Contains((char)('A' + i)) }).ToList();
        var items = new List<Item>
        {
            New(ItemKind.SingleChoice, "dili", "贵州省的省会是哪座城市？", 2, 1, ["家乡地理"], shared: true),
            New(ItemKind.MultipleChoice, "shuxue", "下列数中，哪些是质数？", 3, 3, ["质数与合数"], shared: true),
            New(ItemKind.TrueFalse, "kexue", "水在一个标准大气压下加热到100℃会沸腾。", 1, 1, ["水的三态"]),
            New(ItemKind.FillBlank, "yuwen", "“春眠不觉晓，处处闻____。”作者是唐代诗人____。", 4, 2, ["古诗词"]),
            New(ItemKind.ShortAnswer, "kexue", "请简要说明植物进行光合作用需要哪些条件。", 5, 3, ["光合作用"]),
        };
        items[0].Options = Options("B", "遵义", "贵阳", "安顺", "六盘水");
        items[1].Options = Options("AC", "2", "9", "13", "21");
        items[2].Options = [new ItemOption { Key = "T", Text = "正确", Correct = true }, new ItemOption { Key = "F", Text = "错误" }];
        items[3].Blanks = [new ItemBlank { Answers = ["啼鸟"] }, new ItemBlank { Answers = ["孟浩然"] }];
        items[4].ReferenceAnswer = "光照、二氧化碳和水，在叶绿体中进行。";
        db.Items.AddRange(items);
        var quiz = new Quiz
        {
            Title = "综合自测（一）", OwnerId = teacher.Id, OwnerName = teacher.DisplayName, SchoolId = place.SchoolId, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(60),
            TimeLimitMinutes = 30, AttemptsAllowed = 2, ShowAnswers = true, CreatedAt = now,
        };
        quiz.Items = items.Select((i, n) => new QuizItem
        {
            QuizId = quiz.Id, ItemId = i.Id, Position = n + 1, Points = i.Points, Kind = i.Kind, Stem = i.Stem,
            Options = i.Options.Select(o => new ItemOption { Key = o.Key, Text = o.Text, Correct = o.Correct }).ToList(),
            Blanks = i.Blanks.Select(b => new ItemBlank { Answers = [.. b.Answers] }).ToList(), ReferenceAnswer = i.ReferenceAnswer, KnowledgePoints = [.. i.KnowledgePoints],
        }).ToList();
        quiz.Classes = [new QuizClass { QuizId = quiz.Id, ClassId = classId, ClassName = (place.GradeName + place.Name).Trim() }];
        db.Quizzes.Add(quiz);
        var finished = FinishedQuiz(db, FinishedQuiz(quiz, people["student"], classId, place, now));
        await db.SaveChangesAsync(ct);
        await RecordAsync(sp.GetRequiredService<ILearningRecords>(), finished, ct);
        return items.Count;
    }

    private sealed record Finished(Quiz Quiz, Attempt Attempt, List<(QuizItem Item, Answer Answer)> Answers);

    /// <summary>A copy of the quiz's four objective items, closed three days ago, with `student`'s marked attempt (7 of 10).</summary>
    private static Finished FinishedQuiz(Quiz open, (Guid Id, string DisplayName) student, Guid classId, ClassInfo place, DateTime now)
    {
        var quiz = new Quiz
        {
            Title = "第一单元自测", OwnerId = open.OwnerId, OwnerName = open.OwnerName, SchoolId = open.SchoolId, OpensAt = now.AddDays(-10), ClosesAt = now.AddDays(-3),
            TimeLimitMinutes = 20, AttemptsAllowed = 1, ShowAnswers = true, CreatedAt = now.AddDays(-10),
        };
        quiz.Items = open.Items.Where(i => i.Kind != ItemKind.ShortAnswer).Select(i => new QuizItem
        {
            QuizId = quiz.Id, ItemId = i.ItemId, Position = i.Position, Points = i.Points, Kind = i.Kind, Stem = i.Stem,
            Options = i.Options.Select(o => new ItemOption { Key = o.Key, Text = o.Text, Correct = o.Correct }).ToList(),
            Blanks = i.Blanks.Select(b => new ItemBlank { Answers = [.. b.Answers] }).ToList(), KnowledgePoints = [.. i.KnowledgePoints],
        }).ToList();
        quiz.Classes = [new QuizClass { QuizId = quiz.Id, ClassId = classId, ClassName = open.Classes[0].ClassName }];
        var started = now.AddDays(-7);
        var attempt = new Attempt
        {
            QuizId = quiz.Id, StudentId = student.Id, StudentName = student.DisplayName, Number = 1, Status = AttemptStatus.Marked, StartedAt = started,
            DueAt = started.AddMinutes(20), SubmittedAt = started.AddMinutes(12), MaxScore = quiz.Items.Sum(i => i.Points),
            ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId, ClassId = classId,
        };
        // Right on the capital, the boiling point and the poem; one of the two primes only, which scores 0.
        string[][] given = [["B"], ["A"], ["T"], ["啼鸟", "孟浩然"]];
        var answers = quiz.Items.OrderBy(i => i.Position).Select((item, n) =>
        {
            var correct = n != 1;
            return (item, new Answer
            {
                AttemptId = attempt.Id, QuizId = quiz.Id, QuizItemId = item.Id, StudentId = student.Id, Response = [.. given[n]], AnsweredAt = started.AddMinutes(2 + 2 * n),
                Score = correct ? item.Points : 0, Correct = correct, MarkedAt = attempt.SubmittedAt,
                ProvinceCode = attempt.ProvinceCode, CityCode = attempt.CityCode, CountyCode = attempt.CountyCode, SchoolId = attempt.SchoolId, ClassId = classId,
            });
        }).ToList();
        attempt.Score = answers.Sum(a => a.Item2.Score ?? 0);
        return new Finished(quiz, attempt, answers);
    }

    private static Finished FinishedQuiz(AssessmentDbContext db, Finished finished)
    {
        db.Quizzes.Add(finished.Quiz);
        db.Attempts.Add(finished.Attempt);
        db.Answers.AddRange(finished.Answers.Select(a => a.Answer));
        return finished;
    }

    /// <summary>The statements the product writes for such an attempt: attempted, answered per item, completed.</summary>
    private static async Task RecordAsync(ILearningRecords records, Finished f, CancellationToken ct)
    {
        await records.RecordAsync(LearningActs.Attempted(f.Quiz, f.Attempt), ct);
        foreach (var (item, answer) in f.Answers)
        {
            await records.RecordAsync(LearningActs.Answered(f.Quiz, f.Attempt, item, answer), ct);
        }
        await records.RecordAsync(LearningActs.Completed(f.Quiz, f.Attempt), ct);
    }
}
