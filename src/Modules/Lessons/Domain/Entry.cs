using EduCloud.Kernel.Scope;

namespace EduCloud.Lessons.Domain;

/// <summary>
/// 晒课: one teacher's lesson in a round, with its materials (resources of the resource platform, by id) and its place
/// in the textbook catalogue. The row sits at the teacher's school, so bureaus see and decide the entries of their
/// region only; the teacher sees their own (IOwnedByPerson).
/// </summary>
internal sealed class Entry : IScopedRow, IOwnedByPerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid TeacherId { get; set; }
    public string TeacherName { get; set; } = "";
    public string SchoolName { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>课例简介: what the lesson is about, shown to reviewers (optional).</summary>
    public string? Description { get; set; }

    public string StageCode { get; set; } = "";
    public string SubjectCode { get; set; } = "";
    public string? GradeCode { get; set; }
    /// <summary>教材版本, as named in the catalogue (统编版, 人教版, ...).</summary>
    public string Edition { get; set; } = "";
    public Guid CatalogueNodeId { get; set; }
    public string CataloguePath { get; set; } = "";
    /// <summary>The chapter (章/单元) node: with the grade it is the "one per grade, subject, edition and chapter" key.</summary>
    public Guid ChapterNodeId { get; set; }

    /// <summary>教学设计 (required), 课件, 课堂实录, 练习.</summary>
    public Guid DesignResourceId { get; set; }
    public Guid? CoursewareResourceId { get; set; }
    public Guid? RecordingResourceId { get; set; }
    public Guid? ExerciseResourceId { get; set; }

    public EntryStatus Status { get; set; } = EntryStatus.Submitted;
    /// <summary>The highest level that recommended the entry upward (0: none yet); quotas count these.</summary>
    public int RecommendedLevel { get; set; }
    public Award Award { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    /// <summary>Optimistic concurrency: two bureau staff deciding one entry cannot both win.</summary>
    public int Revision { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
    [AliasOf(nameof(TeacherId))]
    public Guid PersonId => TeacherId;

    public string RegionAt(ContestLevel level) => level switch
    {
        ContestLevel.County => CountyCode,
        ContestLevel.City => CityCode,
        _ => ProvinceCode,
    };
}

/// <summary>评分: one reviewer's scores of one entry at one level, per rubric criterion (in rubric order).</summary>
internal sealed class Score : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public Guid RoundId { get; set; }
    public ContestLevel Level { get; set; }
    public Guid ReviewerId { get; set; }
    public string ReviewerName { get; set; } = "";
    public List<int> Points { get; set; } = [];
    public int Total { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}
