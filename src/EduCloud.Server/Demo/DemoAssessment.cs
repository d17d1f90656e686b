using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Identity.Data;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// 题库与自测 on first run: `teacher` owns a few items of every type (two shared with the school) and an open self-test
/// for the class of `student` (the teacher's first class), open for 60 days, so /assess/quizzes shows it to the student.
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
        await db.SaveChangesAsync(ct);
        return items.Count;
    }
}
