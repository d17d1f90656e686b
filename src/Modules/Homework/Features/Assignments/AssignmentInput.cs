using EduCloud.Assessment.Contracts;
using EduCloud.Homework.Data;
using EduCloud.Homework.Domain;
using EduCloud.Kernel.Errors;

namespace EduCloud.Homework.Features.Assignments;

/// <summary>What a teacher writes when setting or editing homework, and the rules it must keep.</summary>
public sealed record AssignmentInput(string? Title, string? Instructions, string? Subject, double? MaxScore, DateTimeOffset? DueAt, string? Deadline,
    IReadOnlyList<CriterionInput>? Rubric, IReadOnlyList<Guid>? AttachmentIds, IReadOnlyList<Guid>? ItemIds = null);

public sealed record CriterionInput(string? Name, double Points);

internal static class AssignmentRules
{
    public const int MaxItems = 50;

    /// <summary>
    /// Checks the input and answers the teacher-marked maximum (the rubric's sum when the teacher gave only a rubric)
    /// and the bank items, which must be items the teacher may use. Objective items add their points to the total; the
    /// teacher's part must hold the short-answer items, and may be 0 when every item is objective.
    /// </summary>
    public static async Task<(double MaxScore, DeadlineRule Rule, List<AssignmentItem> Items)> CheckAsync(HomeworkDbContext db, IItemBank bank, Guid me,
        AssignmentInput input, DateTime now, CancellationToken ct)
    {
        var problems = new Problems()
            .Required(input.Title, "title", "作业标题").MaxLength(input.Title?.Trim(), 200, "title", "作业标题")
            .MaxLength(input.Instructions, 10000, "instructions", "作业要求")
            .Required(input.Subject, "subject", "学科").MaxLength(input.Subject?.Trim(), 50, "subject", "学科");
        var rubric = input.Rubric ?? [];
        var max = input.MaxScore ?? 0;
        if (rubric.Count > 0)
        {
            problems.Check(rubric.Count <= 20, "rubric", "评分细则最多20项");
            foreach (var (c, i) in rubric.Select((c, i) => (c, i)))
            {
                problems.Check(!string.IsNullOrWhiteSpace(c.Name) && c.Name.Trim().Length <= 100, $"rubric[{i}].name", "评分项名称不能为空且不超过100个字符");
                problems.Check(c.Points > 0 && c.Points <= 1000, $"rubric[{i}].points", "评分项分值须在0到1000之间");
            }
            var sum = rubric.Sum(c => c.Points);
            if (max == 0)
            {
                max = sum;
            }
            problems.Check(Math.Abs(sum - max) < 0.001, "rubric", $"评分细则各项分值之和（{sum:0.##}）须等于满分（{max:0.##}）");
        }
        var itemIds = input.ItemIds ?? [];
        var items = new List<AssignmentItem>();
        if (itemIds.Count > 0)
        {
            problems.Check(itemIds.Count <= MaxItems, "itemIds", $"题库试题最多{MaxItems}道").Check(itemIds.Distinct().Count() == itemIds.Count, "itemIds", "同一道试题不能重复选入");
            var usable = await bank.UsableAsync(itemIds, ct);
            foreach (var (id, i) in itemIds.Select((id, i) => (id, i)))
            {
                if (usable.GetValueOrDefault(id) is { } item)
                {
                    items.Add(new AssignmentItem { ItemId = id, Version = item.Version, Points = item.Points, Objective = item.Objective });
                }
                else
                {
                    problems.Add($"itemIds[{i}]", $"第{i + 1}题不在您可用的题库中");
                }
            }
        }
        var subjective = items.Where(i => !i.Objective).Sum(i => i.Points);
        var auto = items.Where(i => i.Objective).Sum(i => i.Points);
        problems.Check(max <= 1000 && (max > 0 || (auto > 0 && input.MaxScore is null or 0)), "maxScore", "满分须在1到1000之间（全部为客观题时可为0）");
        problems.Check(max >= subjective, "maxScore", $"教师批阅的满分须不少于简答题分值之和（{subjective}）");
        problems.Check(input.DueAt is not null, "dueAt", "请填写截止时间");
        problems.Check(input.DueAt is null || input.DueAt.Value.UtcDateTime > now, "dueAt", "截止时间须晚于现在");
        var rule = Enum.TryParse<DeadlineRule>(input.Deadline, ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : (DeadlineRule)0;
        problems.Check(rule != 0, "deadline", "截止规则须为 Soft（逾期可交，标记迟交）或 Hard（逾期不收）");
        if (await HomeworkFiles.CheckOwnedAsync(db, me, input.AttachmentIds ?? [], ct) is { } fileProblem)
        {
            problems.Add("attachmentIds", fileProblem);
        }
        problems.ThrowIfAny();
        return (max, rule, items);
    }

    public static void Apply(Assignment a, AssignmentInput input, double max, DeadlineRule rule, List<AssignmentItem> items)
    {
        a.Items = items;
        a.AutoPoints = items.Where(i => i.Objective).Sum(i => i.Points);
        a.Title = input.Title!.Trim();
        a.Instructions = input.Instructions?.Trim() ?? "";
        a.Subject = input.Subject!.Trim();
        a.MaxScore = max + a.AutoPoints;
        a.DueAt = input.DueAt!.Value.UtcDateTime;
        a.Deadline = rule;
        a.AttachmentIds = (input.AttachmentIds ?? []).Distinct().ToList();
    }

    public static IEnumerable<Criterion> Rubric(Guid assignmentId, AssignmentInput input) =>
        (input.Rubric ?? []).Select((c, i) => new Criterion { AssignmentId = assignmentId, SortOrder = i + 1, Name = c.Name!.Trim(), Points = c.Points });
}
