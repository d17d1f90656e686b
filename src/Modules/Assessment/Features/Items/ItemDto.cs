using EduCloud.Assessment.Domain;

namespace EduCloud.Assessment.Features.Items;

public sealed record ItemDto(Guid Id, string Kind, string KindName, string Stem, IReadOnlyList<OptionDto> Options, IReadOnlyList<BlankDto> Blanks, string? ReferenceAnswer,
    string StageCode, string StageName, string SubjectCode, string SubjectName, int Difficulty, IReadOnlyList<string> KnowledgePoints, int Points, bool Shared,
    Guid OwnerId, string OwnerName, bool Mine, DateTime UpdatedAt, int Version)
{
    internal static ItemDto Of(Item i, Guid? me) => new(i.Id, i.Kind.ToString(), i.Kind.ChineseName(), i.Stem, i.Options.Select(o => new OptionDto(o.Key, o.Text, o.Correct)).ToList(), i.Blanks.Select(b => new BlankDto(b.Answers)).ToList(), i.ReferenceAnswer,
        i.StageCode, ItemCodes.NameOf(ItemCodes.Stages, i.StageCode), i.SubjectCode, ItemCodes.NameOf(ItemCodes.Subjects, i.SubjectCode), i.Difficulty,
        i.KnowledgePoints, i.Points, i.Shared, i.OwnerId, i.OwnerName, i.OwnerId == me, i.UpdatedAt, i.Version);
}

public sealed record OptionDto(string Key, string Text, bool Correct);

public sealed record BlankDto(IReadOnlyList<string> Answers);
