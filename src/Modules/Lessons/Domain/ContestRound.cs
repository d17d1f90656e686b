using EduCloud.Kernel.Scope;

namespace EduCloud.Lessons.Domain;

/// <summary>
/// 一师一优课 活动年度: one contest round. A national round (ProvinceCode "") is run by the national administrator, a
/// province's own round by its province administrator: the row sits at that node, so the scope guard decides who may
/// change it. Rounds are public notices, so lists read them past the scope filter.
/// </summary>
internal sealed class ContestRound : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public string Name { get; set; } = "";
    public RoundPhase Phase { get; set; } = RoundPhase.Submission;
    /// <summary>部级推荐名额: how many lessons a province may recommend to the ministry (800 by the national rules).</summary>
    public int ProvinceQuota { get; set; } = 800;
    /// <summary>"原则上同一年级、学科、版本、章节只推荐一节": on by default, a round may relax it.</summary>
    public bool OnePerChapter { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    /// <summary>When the organiser last changed the rubric (only possible before the first score).</summary>
    public DateTime? RubricChangedAt { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

/// <summary>评分细则: one criterion of a round's rubric with its maximum points.</summary>
internal sealed class RubricCriterion : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public string Name { get; set; } = "";
    public int MaxPoints { get; set; }
    public int SortOrder { get; set; }

    public static IEnumerable<(string Name, int Max)> Defaults => [("教学设计", 20), ("教学实施", 40), ("教学效果", 20), ("技术应用", 20)];
}

/// <summary>
/// 推荐名额: how many lessons one county, city or province may recommend upward in a round, set by the level above.
/// The row sits at the PARENT node (a county's quota at its city), so the county cannot raise its own quota.
/// </summary>
internal sealed class RegionQuota : IScopedRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public string RegionCode { get; set; } = "";
    public int MaxRecommendations { get; set; }

    public string ProvinceCode { get; set; } = "";
    public string CityCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public Guid? SchoolId { get; set; }
    public Guid? ClassId { get; set; }
}

/// <summary>The phases of a round, in order; each review phase belongs to one level.</summary>
internal enum RoundPhase
{
    /// <summary>晒课</summary>
    Submission = 1,
    CountyReview = 2,
    CityReview = 3,
    ProvinceReview = 4,
    MinistryReview = 5,
    /// <summary>结果公示</summary>
    Published = 6,
}

/// <summary>评优 levels, from the county up to the ministry.</summary>
internal enum ContestLevel
{
    County = 1,
    City = 2,
    Province = 3,
    Ministry = 4,
}
