using EduCloud.Kernel.Scope;

namespace EduCloud.Assessment.Domain;

/// <summary>
/// An earlier 版本 of a bank item, kept when its owner changes what a student answers (kind, stem, choices, blanks,
/// reference answer, points). Homework set with version n shows and marks version n for as long as it exists, so a
/// later edit never changes work already set or submitted. Reached only through the item it belongs to.
/// </summary>
internal sealed class ItemEdition : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }
    public int Version { get; set; }
    public ItemKind Kind { get; set; }
    public string Stem { get; set; } = "";
    public List<ItemOption> Options { get; set; } = [];
    public List<ItemBlank> Blanks { get; set; } = [];
    public string? ReferenceAnswer { get; set; }
    public int Points { get; set; }
    public string SubjectCode { get; set; } = "";
    /// <summary>When this version was replaced by the next one (UTC).</summary>
    public DateTime ReplacedAt { get; set; }

    public static ItemEdition Of(Item item, DateTime now) => new()
    {
        ItemId = item.Id, Version = item.Version, Kind = item.Kind, Stem = item.Stem,
        Options = item.Options.Select(o => new ItemOption { Key = o.Key, Text = o.Text, Correct = o.Correct }).ToList(),
        Blanks = item.Blanks.Select(b => new ItemBlank { Answers = [.. b.Answers] }).ToList(),
        ReferenceAnswer = item.ReferenceAnswer, Points = item.Points, SubjectCode = item.SubjectCode, ReplacedAt = now,
    };

    /// <summary>Whether <paramref name="item"/> still asks and marks exactly what this version did.</summary>
    public bool SameContentAs(Item item) =>
        Kind == item.Kind && Stem == item.Stem && ReferenceAnswer == item.ReferenceAnswer && Points == item.Points && SubjectCode == item.SubjectCode
        && Options.Count == item.Options.Count
        && Options.Zip(item.Options).All(p => p.First.Key == p.Second.Key && p.First.Text == p.Second.Text && p.First.Correct == p.Second.Correct)
        && Blanks.Count == item.Blanks.Count && Blanks.Zip(item.Blanks).All(p => p.First.Answers.SequenceEqual(p.Second.Answers));
}
