using System.Text.Json;
using EduCloud.Kernel.Scope;

namespace EduCloud.Monitoring.Domain;

/// <summary>
/// 办学条件与信息化年报: one version of one school's return for one year. A return sent back is not edited in place:
/// revising it makes the next version (a copy), and the old one stays as history. Only the current version
/// (<see cref="IsCurrent"/>) can move. Scoped to the school, so the kernel's filter decides who sees and changes it.
/// </summary>
internal sealed class AnnualReturn : IScopedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Always set; nullable only because the kernel's scope filter compares it as IScopedRow.SchoolId.</summary>
    public Guid? SchoolId { get; init; }
    public Guid School => SchoolId!.Value;
    public string SchoolName { get; set; } = "";
    public int Year { get; init; }
    public int Version { get; init; }
    public bool IsCurrent { get; set; } = true;
    public ReturnStatus Status { get; set; } = ReturnStatus.Draft;
    /// <summary>Urban, Town or Rural (the school's 城乡分类 when the return was started): picks the indicator targets.</summary>
    public string Category { get; set; } = "";
    /// <summary>Field key → stored text (see FieldSpec.Normalise).</summary>
    public string ValuesJson { get; set; } = "{}";
    /// <summary>Field key → the school's explanation of an outlier.</summary>
    public string NotesJson { get; set; } = "{}";
    public string? LastComment { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
    /// <summary>Bumped on every change: two reviewers acting at once get a conflict, not a lost step.</summary>
    public int Revision { get; set; }

    public string ProvinceCode { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string CountyCode { get; init; } = "";
    public Guid? ClassId { get; init; }

    public Dictionary<string, string> Values => JsonSerializer.Deserialize<Dictionary<string, string>>(ValuesJson) ?? [];

    public Dictionary<string, string> Notes => JsonSerializer.Deserialize<Dictionary<string, string>>(NotesJson) ?? [];

    public void SetValues(IReadOnlyDictionary<string, string> values) => ValuesJson = JsonSerializer.Serialize(values);

    public void SetNotes(IReadOnlyDictionary<string, string> notes) => NotesJson = JsonSerializer.Serialize(notes);

    public AnnualReturn NextVersion(DateTime now) => new()
    {
        SchoolId = SchoolId,
        SchoolName = SchoolName,
        Year = Year,
        Version = Version + 1,
        Category = Category,
        ValuesJson = ValuesJson,
        NotesJson = NotesJson,
        LastComment = LastComment,
        CreatedAt = now,
        ProvinceCode = ProvinceCode,
        CityCode = CityCode,
        CountyCode = CountyCode,
    };
}

/// <summary>One step taken on a return version (the event log, never edited).</summary>
internal sealed class ReturnEvent : IScopedRow
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReturnId { get; init; }
    public int Version { get; init; }
    public ReturnTrigger Trigger { get; init; }
    public ReturnStatus From { get; init; }
    public ReturnStatus To { get; init; }
    public Guid? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string? Comment { get; init; }
    public DateTime At { get; init; }

    public string ProvinceCode { get; init; } = "";
    public string CityCode { get; init; } = "";
    public string CountyCode { get; init; } = "";
    public Guid? SchoolId { get; init; }
    public Guid School => SchoolId!.Value;
    public Guid? ClassId { get; init; }
}

/// <summary>A year's form definition (the JSON of <see cref="FormSpec"/>). Reference data, not scoped.</summary>
internal sealed class FormDefinition
{
    public int Year { get; init; }
    public string Title { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
