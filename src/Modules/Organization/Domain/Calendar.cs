using EduCloud.Kernel.Scope;

namespace EduCloud.Organization.Domain;

/// <summary>学年, e.g. 2026-2027学年 (1 September to 31 August).</summary>
internal sealed class AcademicYear : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int StartYear { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public List<Term> Terms { get; set; } = [];
}

/// <summary>学期: the first (autumn) and second (spring) terms of an academic year.</summary>
internal sealed class Term : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AcademicYearId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}
