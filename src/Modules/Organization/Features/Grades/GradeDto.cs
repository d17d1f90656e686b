using EduCloud.Kernel.Codes;
using EduCloud.Organization.Domain;

namespace EduCloud.Organization.Features.Grades;

public sealed record GradeDto(Guid Id, Guid SchoolId, Guid AcademicYearId, string Stage, int Level, string Name, int EntryYear, int ClassCount, bool Retired);

internal static class GradeRules
{
    public static GradeDto ToDto(this Grade g, int classCount) =>
        new(g.Id, g.SchoolId!.Value, g.AcademicYearId, g.Stage.ToString(), g.Level, g.Name, g.EntryYear, classCount, g.RetiredAt != null);

    /// <summary>The school's stage set flag for a stage: the enums share their order.</summary>
    public static StageSet AsSet(this Stage stage) => (StageSet)(1 << ((int)stage - 1));

    public static Stage? ParseStage(string? name) =>
        Enum.TryParse<Stage>(name, true, out var stage) && Enum.IsDefined(stage) && !int.TryParse(name, out _) ? stage : null;
}
