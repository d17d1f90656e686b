using EduCloud.Kernel.Scope;
using EduCloud.Lessons.Domain;

namespace EduCloud.Lessons.Features;

/// <summary>
/// The levels the caller reviews at: a bureau administrator at their own level (the ministry's work is the national
/// administrator's), a resource reviewer at the level of the region they are assigned to. WHICH entries they reach is
/// the scope filter's business; this only says at which stage of the contest they act.
/// </summary>
internal static class ContestLevels
{
    public static IReadOnlySet<ContestLevel> ScoringLevels(ICurrentActor actor)
    {
        var levels = new HashSet<ContestLevel>();
        foreach (var role in actor.Roles)
        {
            if (DecidingLevel(role) is { } level)
            {
                levels.Add(level);
            }
        }
        if (actor.Roles.Contains(Role.ResourceReviewer))
        {
            if (actor.Scope.Provinces.Count > 0)
            {
                levels.Add(ContestLevel.Province);
            }
            if (actor.Scope.Cities.Count > 0)
            {
                levels.Add(ContestLevel.City);
            }
            if (actor.Scope.Counties.Count > 0)
            {
                levels.Add(ContestLevel.County);
            }
        }
        return levels;
    }

    public static ContestLevel? DecidingLevel(Role role) => role switch
    {
        Role.CountyAdmin => ContestLevel.County,
        Role.CityAdmin => ContestLevel.City,
        Role.ProvinceAdmin => ContestLevel.Province,
        Role.NationalAdmin => ContestLevel.Ministry,
        _ => null,
    };

    public static bool CanDecide(ICurrentActor actor, ContestLevel level) => actor.Roles.Any(r => DecidingLevel(r) == level);
}
