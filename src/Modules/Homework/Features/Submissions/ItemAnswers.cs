using EduCloud.Assessment.Contracts;
using EduCloud.Homework.Domain;
using EduCloud.Kernel.Errors;

namespace EduCloud.Homework.Features.Submissions;

/// <summary>
/// The answers to a homework's bank items, marked through the item bank (自动批阅 of objective items): one answer per
/// item in the assignment's order, an unanswered objective item scoring 0. An answer to an item the homework does not
/// list, or in a bad shape, is refused naming answers[n].
/// </summary>
internal static class ItemAnswers
{
    public static async Task<List<ItemAnswer>> MarkAsync(IItemBank bank, Assignment assignment, IReadOnlyList<SubmitWork.ItemResponse> given, CancellationToken ct)
    {
        var listed = assignment.Items.Select(i => i.ItemId).ToHashSet();
        var problems = new Problems();
        foreach (var (g, n) in given.Select((g, n) => (g, n)))
        {
            problems.Check(listed.Contains(g.ItemId), $"answers[{n}]", "该题不在本作业中");
        }
        problems.Check(given.Select(g => g.ItemId).Distinct().Count() == given.Count, "answers", "同一道题只能作答一次");
        problems.ThrowIfAny();
        var byItem = given.ToDictionary(g => g.ItemId);
        var result = new List<ItemAnswer>();
        foreach (var item in assignment.Items)
        {
            var response = byItem.GetValueOrDefault(item.ItemId)?.Response ?? [];
            var field = byItem.ContainsKey(item.ItemId) ? $"answers[{given.ToList().FindIndex(g => g.ItemId == item.ItemId)}]" : "answers";
            var mark = await bank.MarkAsync(item.Ref, item.Points, response, field, ct);
            result.Add(new ItemAnswer
            {
                ItemId = item.ItemId, Response = [.. mark.Response], Score = item.Objective ? mark.Score ?? 0 : null, Correct = item.Objective ? mark.Correct ?? false : null,
            });
        }
        return result;
    }
}
