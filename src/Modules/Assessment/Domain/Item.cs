using EduCloud.Kernel.Scope;

namespace EduCloud.Assessment.Domain;

/// <summary>
/// 题库试题 (item of the item bank). It sits at its owner's school: the owner sees and edits it (IOwnedByPerson), the
/// school's administrators see it by place, and when <see cref="Shared"/> the owner's colleagues at that school may
/// use it too (ItemAccess). Points are whole 分.
/// </summary>
internal sealed class Item : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ItemKind Kind { get; set; }
    /// <summary>题干. For a fill-in item each "____" (four or more underscores) marks where a blank goes.</summary>
    public string Stem { get; set; } = "";
    public List<ItemOption> Options { get; set; } = [];
    public List<ItemBlank> Blanks { get; set; } = [];
    /// <summary>参考答案 of a short-answer item (shown to the marking teacher).</summary>
    public string? ReferenceAnswer { get; set; }
    public string StageCode { get; set; } = "";
    public string SubjectCode { get; set; } = "";
    /// <summary>难度 1 (easy) .. 5 (hard), the teacher's estimate; the quiz statistics show the measured facility.</summary>
    public int Difficulty { get; set; } = 3;
    /// <summary>知识点 tags.</summary>
    public List<string> KnowledgePoints { get; set; } = [];
    public int Points { get; set; } = 1;
    public bool Shared { get; set; }
    public bool Retired { get; set; }
    /// <summary>版本: goes up when an edit changes what a student answers; the earlier versions are kept as <see cref="ItemEdition"/>.</summary>
    public int Version { get; set; } = 1;

    public Guid OwnerId { get; set; }
    public string OwnerName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(OwnerId))]
    public Guid PersonId => OwnerId;
}

/// <summary>题型: 单选, 多选, 判断, 填空, 简答.</summary>
internal enum ItemKind
{
    SingleChoice = 1,
    MultipleChoice = 2,
    TrueFalse = 3,
    FillBlank = 4,
    ShortAnswer = 5,
}

/// <summary>A choice: key A, B, C ... (T/F for true/false), its text and whether it is correct.</summary>
internal sealed class ItemOption
{
    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public bool Correct { get; set; }
}

/// <summary>A blank with its accepted answers (any one of them is right).</summary>
internal sealed class ItemBlank
{
    public List<string> Answers { get; set; } = [];
}

internal static class ItemKinds
{
    public static string ChineseName(this ItemKind kind) => kind switch
    {
        ItemKind.SingleChoice => "单选题",
        ItemKind.MultipleChoice => "多选题",
        ItemKind.TrueFalse => "判断题",
        ItemKind.FillBlank => "填空题",
        ItemKind.ShortAnswer => "简答题",
        _ => kind.ToString(),
    };

    public static bool IsChoice(this ItemKind kind) => kind is ItemKind.SingleChoice or ItemKind.MultipleChoice or ItemKind.TrueFalse;

    public static bool IsObjective(this ItemKind kind) => kind != ItemKind.ShortAnswer;
}
