using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Items;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Assessment.Features.Quizzes;

/// <summary>
/// 组卷并布置自测: a teacher picks bank items they may use (in order, optionally with other points), one or more of
/// their own classes, the open window, an optional time limit and the number of attempts. Each item is copied into
/// the quiz so later bank edits leave answered quizzes alone.
/// </summary>
internal static class CreateQuiz
{
    public sealed record QuizItemInput(Guid ItemId, int? Points);

    public sealed record Request(string? Title, DateTime? OpensAt, DateTime? ClosesAt, int? TimeLimitMinutes, int? AttemptsAllowed, bool? ShowAnswers,
        IReadOnlyList<QuizItemInput>? Items, IReadOnlyList<Guid>? ClassIds);

    public static async Task<QuizDto> HandleAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request r, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? throw new ForbiddenException();
        var quiz = new Quiz { OwnerId = me, OwnerName = db.Actor.DisplayName ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        await ApplyAsync(db, directory, clock, quiz, r, ct);
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync(ct);
        return QuizDto.Of(quiz);
    }

    /// <summary>Checks the request (Chinese messages naming the field) and sets the quiz's settings, item copies and classes.</summary>
    public static async Task ApplyAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Quiz quiz, Request r, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var opens = r.OpensAt is { } o ? o.ToUniversalTime() : now;
        var itemInputs = r.Items ?? [];
        var classIds = (r.ClassIds ?? []).Distinct().ToList();
        var p = new Problems().Required(r.Title, "title", "自测名称").MaxLength(r.Title, 200, "title", "自测名称")
            .Check(r.ClosesAt is not null, "closesAt", "请填写截止时间")
            .Check(r.ClosesAt is null || r.ClosesAt.Value.ToUniversalTime() > opens, "closesAt", "截止时间须晚于开放时间")
            .Check(r.ClosesAt is null || r.ClosesAt.Value.ToUniversalTime() > now, "closesAt", "截止时间须晚于现在")
            .Check(r.TimeLimitMinutes is null or (>= 1 and <= 600), "timeLimitMinutes", "限时须在1到600分钟之间")
            .Check(r.AttemptsAllowed is null or (>= 1 and <= 10), "attemptsAllowed", "作答次数须在1到10之间")
            .Check(itemInputs.Count is >= 1 and <= 100, "items", "请选择1到100道试题")
            .Check(itemInputs.Select(i => i.ItemId).Distinct().Count() == itemInputs.Count, "items", "同一道试题不能重复选入")
            .Check(itemInputs.All(i => i.Points is null or (>= 1 and <= 100)), "items", "每题分值须在1到100之间")
            .Check(classIds.Count > 0, "classIds", "请选择要布置的班级");
        p.ThrowIfAny();
        var mine = (await ItemAccess.TeacherClassesAsync(db.Actor, directory, ct)).ToDictionary(c => c.Id);
        if (classIds.Any(c => !mine.ContainsKey(c)))
        {
            throw new ForbiddenException("只能布置给本人任教的班级");
        }
        var ids = itemInputs.Select(i => i.ItemId).ToList();
        var items = await (await ItemAccess.ReadableAsync(db, directory, ct)).AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var missing = itemInputs.Select((x, n) => (x, n)).FirstOrDefault(x => !items.ContainsKey(x.x.ItemId));
        if (missing.x is not null)
        {
            throw ValidationFailedException.For($"items[{missing.n}]", $"第{missing.n + 1}题不在您可用的题库中");
        }
        quiz.Title = r.Title!.Trim();
        quiz.SchoolId = mine[classIds[0]].SchoolId;
        quiz.OpensAt = opens;
        quiz.ClosesAt = r.ClosesAt!.Value.ToUniversalTime();
        quiz.TimeLimitMinutes = r.TimeLimitMinutes;
        quiz.AttemptsAllowed = r.AttemptsAllowed ?? 1;
        quiz.ShowAnswers = r.ShowAnswers ?? true;
        quiz.Items = itemInputs.Select((x, n) => CopyOf(items[x.ItemId], quiz.Id, n + 1, x.Points)).ToList();
        quiz.Classes = classIds.Select(c => new QuizClass { QuizId = quiz.Id, ClassId = c, ClassName = (mine[c].GradeName + mine[c].Name).Trim() }).ToList();
    }

    private static QuizItem CopyOf(Item i, Guid quizId, int position, int? points) => new()
    {
        QuizId = quizId, ItemId = i.Id, Position = position, Points = points ?? i.Points, Kind = i.Kind, Stem = i.Stem,
        Options = i.Options.Select(o => new ItemOption { Key = o.Key, Text = o.Text, Correct = o.Correct }).ToList(),
        Blanks = i.Blanks.Select(b => new ItemBlank { Answers = [.. b.Answers] }).ToList(), ReferenceAnswer = i.ReferenceAnswer, KnowledgePoints = [.. i.KnowledgePoints],
    };

    public static async Task<Created<QuizDto>> EndpointAsync(AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, Request request, CancellationToken ct)
    {
        var quiz = await HandleAsync(db, directory, clock, request, ct);
        return TypedResults.Created($"/api/v1/assessment/quizzes/{quiz.Id}", quiz);
    }
}

public sealed record QuizDto(Guid Id, string Title, string OwnerName, DateTime OpensAt, DateTime ClosesAt, int? TimeLimitMinutes, int AttemptsAllowed, bool ShowAnswers,
    int ItemCount, int MaxScore, IReadOnlyList<QuizClassDto> Classes)
{
    internal static QuizDto Of(Quiz q) => new(q.Id, q.Title, q.OwnerName, q.OpensAt, q.ClosesAt, q.TimeLimitMinutes, q.AttemptsAllowed, q.ShowAnswers,
        q.Items.Count, q.Items.Sum(i => i.Points), q.Classes.Select(c => new QuizClassDto(c.ClassId, c.ClassName)).ToList());
}

public sealed record QuizClassDto(Guid Id, string Name);
