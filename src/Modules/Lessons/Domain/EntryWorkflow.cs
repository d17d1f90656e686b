using EduCloud.Kernel.Scope;

namespace EduCloud.Lessons.Domain;

/// <summary>Where an entry stands: waiting at a level, recommended upward by it, or stopped there.</summary>
internal enum EntryStatus
{
    /// <summary>已晒课，待县级评优</summary>
    Submitted = 1,
    CountyRecommended = 2,
    CountyDeclined = 3,
    CityRecommended = 4,
    CityDeclined = 5,
    ProvinceRecommended = 6,
    ProvinceDeclined = 7,
    /// <summary>部级优课</summary>
    MinistryAwarded = 8,
    MinistryDeclined = 9,
}

/// <summary>优课 awards, published with the results.</summary>
internal enum Award
{
    None = 0,
    County = 1,
    City = 2,
    Province = 3,
    Ministry = 4,
}

internal enum EntryTrigger
{
    /// <summary>推荐 (at the ministry: 评为部级优课)</summary>
    Recommend = 1,
    /// <summary>不推荐</summary>
    Decline = 2,
    /// <summary>撤销本级决定 (frees the quota while the level's phase is open)</summary>
    Revoke = 3,
}

internal sealed record EntryTransition(EntryStatus From, EntryTrigger Trigger, EntryStatus To, ContestLevel Level, Role Role);

/// <summary>
/// The entry lifecycle as data: each level's bureau decides the entries waiting at its level, during its phase only.
/// Scoring is open to the same bureau and to resource reviewers of the level (see ContestLevels).
/// </summary>
internal static class EntryWorkflow
{
    public static readonly IReadOnlyList<EntryTransition> Table = Build();

    private static List<EntryTransition> Build()
    {
        (EntryStatus Waiting, EntryStatus Up, EntryStatus Stop, ContestLevel Level, Role Role)[] steps =
        [
            (EntryStatus.Submitted, EntryStatus.CountyRecommended, EntryStatus.CountyDeclined, ContestLevel.County, Role.CountyAdmin),
            (EntryStatus.CountyRecommended, EntryStatus.CityRecommended, EntryStatus.CityDeclined, ContestLevel.City, Role.CityAdmin),
            (EntryStatus.CityRecommended, EntryStatus.ProvinceRecommended, EntryStatus.ProvinceDeclined, ContestLevel.Province, Role.ProvinceAdmin),
            (EntryStatus.ProvinceRecommended, EntryStatus.MinistryAwarded, EntryStatus.MinistryDeclined, ContestLevel.Ministry, Role.NationalAdmin),
        ];
        var table = new List<EntryTransition>();
        foreach (var (waiting, up, stop, level, role) in steps)
        {
            table.Add(new(waiting, EntryTrigger.Recommend, up, level, role));
            table.Add(new(waiting, EntryTrigger.Decline, stop, level, role));
            table.Add(new(up, EntryTrigger.Revoke, waiting, level, role));
            table.Add(new(stop, EntryTrigger.Revoke, waiting, level, role));
        }
        return table;
    }

    /// <summary>The level an entry waits at, or null when it is decided for good.</summary>
    public static ContestLevel? WaitingAt(EntryStatus status) => status switch
    {
        EntryStatus.Submitted => ContestLevel.County,
        EntryStatus.CountyRecommended => ContestLevel.City,
        EntryStatus.CityRecommended => ContestLevel.Province,
        EntryStatus.ProvinceRecommended => ContestLevel.Ministry,
        _ => null,
    };

    public static RoundPhase PhaseOf(ContestLevel level) => (RoundPhase)((int)level + 1);

    /// <summary>The award an entry ends with: the highest level that recommended it (the ministry's own is 部级优课).</summary>
    public static Award AwardFor(Entry entry) => (Award)entry.RecommendedLevel;

    public static string StatusName(EntryStatus status) => status switch
    {
        EntryStatus.Submitted => "已晒课，待县级评优",
        EntryStatus.CountyRecommended => "县级已推荐，待市级评优",
        EntryStatus.CountyDeclined => "县级未推荐",
        EntryStatus.CityRecommended => "市级已推荐，待省级评优",
        EntryStatus.CityDeclined => "市级未推荐",
        EntryStatus.ProvinceRecommended => "省级已推荐，待部级评优",
        EntryStatus.ProvinceDeclined => "省级未推荐",
        EntryStatus.MinistryAwarded => "部级优课",
        _ => "部级未评上",
    };

    public static string AwardName(Award award) => award switch
    {
        Award.Ministry => "部级优课",
        Award.Province => "省级优课",
        Award.City => "市级优课",
        Award.County => "县级优课",
        _ => "未获奖",
    };

    public static string PhaseName(RoundPhase phase) => phase switch
    {
        RoundPhase.Submission => "晒课",
        RoundPhase.CountyReview => "县级评优",
        RoundPhase.CityReview => "市级评优",
        RoundPhase.ProvinceReview => "省级评优",
        RoundPhase.MinistryReview => "部级评优",
        _ => "结果已公布",
    };

    public static string LevelName(ContestLevel level) => level switch
    {
        ContestLevel.County => "县级",
        ContestLevel.City => "市级",
        ContestLevel.Province => "省级",
        _ => "部级",
    };

    public static string TriggerName(EntryTrigger trigger) => trigger switch
    {
        EntryTrigger.Recommend => "推荐",
        EntryTrigger.Decline => "不推荐",
        _ => "撤销决定",
    };
}
