using EduCloud.Kernel.Codes;

namespace EduCloud.Organization.Domain;

/// <summary>年级 of one school in one academic year.</summary>
internal sealed class Grade : ScopedEntity
{
    public Guid AcademicYearId { get; set; }
    public Stage Stage { get; set; }
    /// <summary>1-based year within the stage: 一年级 = 1 in primary, 初一 = 1 in junior.</summary>
    public int Level { get; set; }
    public string Name { get; set; } = "";
    /// <summary>入学年份: the year this cohort entered the stage.</summary>
    public int EntryYear { get; set; }
}

/// <summary>班级. Called ClassGroup because Class is a keyword in too many places.</summary>
internal sealed class ClassGroup : ScopedEntity
{
    public Guid GradeId { get; set; }
    public Guid? TeachingPointId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
}
