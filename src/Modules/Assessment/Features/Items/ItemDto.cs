using EduCloud.Assessment.Domain;

namespace EduCloud.Assessment.Features.Items;

public sealed record ItemDto(Guid Id, string Kind, string KindName, string Stem, IReadOnlyList<ItemOption> Options, IReadOnlyList<ItemBlank> Blanks, string? ReferenceAnswer,
    string StageCode, string StageName, string SubjectCode, string SubjectName, int Difficulty, IReadOnlyList<string> KnowledgePoints, int Points, bool Shared,
    Guid OwnerId, string OwnerName, bool Mine, DateTime UpdatedAt)
{
    internal static ItemDto Of(Item i, Guid? me) => new(i.Id, i.Kind.ToString(), i.Kind.ChineseName(), i.Stem, i.Options, i.Blanks, i.ReferenceAnswer,
        i.StageCode, ItemCodes.NameOf(ItemCodes.Stages, i.StageCode), i.SubjectCode, ItemCodes.NameOf(ItemCodes.Subjects, i.SubjectCode), i.Difficulty,
        i.KnowledgePoints, i.Points, i.Shared, i.OwnerId, i.OwnerName, i.OwnerId == me, i.UpdatedAt);
}
