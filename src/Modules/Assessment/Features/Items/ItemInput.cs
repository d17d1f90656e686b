using EduCloud.Assessment.Domain;
using EduCloud.Kernel.Errors;

namespace EduCloud.Assessment.Features.Items;

/// <summary>What a teacher writes for an item (the API body, the page form and a QTI import all come through here).</summary>
public sealed record ItemInput(string? Kind, string? Stem, IReadOnlyList<OptionInput>? Options, IReadOnlyList<BlankInput>? Blanks, string? ReferenceAnswer,
    string? StageCode, string? SubjectCode, int? Difficulty, IReadOnlyList<string>? KnowledgePoints, int? Points, bool? Shared);

public sealed record OptionInput(string? Text, bool Correct);

public sealed record BlankInput(IReadOnlyList<string>? Answers);

/// <summary>The rules of each item type, with Chinese messages naming the field; applies valid input to an item.</summary>
internal static class ItemRules
{
    public const int MaxOptions = 8;
    public const int MaxBlanks = 10;

    public static void Apply(Item item, ItemInput input, string prefix = "")
    {
        var p = new Problems();
        var kind = Enum.TryParse<ItemKind>(input.Kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : (ItemKind?)null;
        p.Check(kind is not null, prefix + "kind", "题型须为 SingleChoice 单选、MultipleChoice 多选、TrueFalse 判断、FillBlank 填空或 ShortAnswer 简答");
        p.Required(input.Stem, prefix + "stem", "题干").MaxLength(input.Stem, 4000, prefix + "stem", "题干");
        p.Check(ItemCodes.Has(ItemCodes.Stages, input.StageCode), prefix + "stageCode", "请选择学段");
        p.Check(ItemCodes.Has(ItemCodes.Subjects, input.SubjectCode), prefix + "subjectCode", "请选择学科");
        p.Check(input.Difficulty is null or (>= 1 and <= 5), prefix + "difficulty", "难度须在1到5之间");
        p.Check(input.Points is null or (>= 1 and <= 100), prefix + "points", "分值须在1到100之间");
        var tags = (input.KnowledgePoints ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        p.Check(tags.Count <= 10, prefix + "knowledgePoints", "知识点最多10个").Check(tags.All(t => t.Length <= 50), prefix + "knowledgePoints", "每个知识点不能超过50个字符");
        var options = (input.Options ?? []).Select((o, i) => new ItemOption { Key = ((char)('A' + i)).ToString(), Text = (o.Text ?? "").Trim(), Correct = o.Correct }).ToList();
        var blanks = (input.Blanks ?? []).Select(b => new ItemBlank { Answers = (b.Answers ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList() }).ToList();
        switch (kind)
        {
            case ItemKind.SingleChoice or ItemKind.MultipleChoice:
                p.Check(options.Count is >= 2 and <= MaxOptions, prefix + "options", $"选择题须有2到{MaxOptions}个选项");
                p.Check(options.All(o => o.Text.Length is > 0 and <= 500), prefix + "options", "选项内容不能为空，且不能超过500个字符");
                var correct = options.Count(o => o.Correct);
                p.Check(kind == ItemKind.MultipleChoice || correct == 1, prefix + "options", "单选题须有且只有一个正确选项");
                p.Check(kind == ItemKind.SingleChoice || correct >= 1, prefix + "options", "多选题须至少有一个正确选项");
                break;
            case ItemKind.TrueFalse:
                // 判断题 has two fixed choices; the input says which one is right (options[0] "正确" correct or not).
                var isTrue = input.Options is { Count: > 0 } given ? given[0].Correct : (bool?)null;
                p.Check(isTrue is not null, prefix + "options", "判断题须指明“正确”还是“错误”");
                options = [new ItemOption { Key = "T", Text = "正确", Correct = isTrue == true }, new ItemOption { Key = "F", Text = "错误", Correct = isTrue == false }];
                break;
            case ItemKind.FillBlank:
                p.Check(blanks.Count is >= 1 and <= MaxBlanks, prefix + "blanks", $"填空题须有1到{MaxBlanks}个空");
                for (var i = 0; i < blanks.Count; i++)
                {
                    p.Check(blanks[i].Answers.Count > 0, $"{prefix}blanks[{i}]", $"第{i + 1}空须至少有一个参考答案");
                    p.Check(blanks[i].Answers.All(a => a.Length <= 200), $"{prefix}blanks[{i}]", $"第{i + 1}空的答案不能超过200个字符");
                }
                break;
            case ItemKind.ShortAnswer:
                p.Required(input.ReferenceAnswer, prefix + "referenceAnswer", "参考答案").MaxLength(input.ReferenceAnswer, 4000, prefix + "referenceAnswer", "参考答案");
                break;
        }
        p.ThrowIfAny();
        item.Kind = kind!.Value;
        item.Stem = input.Stem!.Trim();
        item.Options = kind.Value.IsChoice() ? options : [];
        item.Blanks = kind == ItemKind.FillBlank ? blanks : [];
        item.ReferenceAnswer = kind == ItemKind.ShortAnswer ? input.ReferenceAnswer!.Trim() : null;
        item.StageCode = input.StageCode!;
        item.SubjectCode = input.SubjectCode!;
        item.Difficulty = input.Difficulty ?? 3;
        item.Points = input.Points ?? 1;
        item.KnowledgePoints = tags;
        item.Shared = input.Shared ?? false;
    }
}
