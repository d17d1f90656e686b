using EduCloud.Identity.Data;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using EduCloud.Organization.Contracts;
using EduCloud.Resources.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// 一师一优课 on first run: the 2026 national round in 县级评优 with `teacher`'s lesson (their own demo resources), scored
/// by nm_admin (南明区), and the 2025 round published with that teacher's 市级优课, so
/// /lessons, /lessons/review (as nm_admin) and /lessons/results show something.
/// </summary>
internal static class DemoLessons
{
    public static async Task<int> SeedAsync(IServiceProvider sp, IdentityDbContext identity, TimeProvider clock, CancellationToken ct)
    {
        var db = sp.GetRequiredService<LessonsDbContext>();
        if (await db.Rounds.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }
        string[] names = ["TEACHER", "NM_ADMIN"];
        var people = await identity.Accounts.IgnoreQueryFilters().Where(a => names.Contains(a.NormalizedUserName))
            .ToDictionaryAsync(a => a.NormalizedUserName.ToLowerInvariant(), a => (a.Id, a.DisplayName), ct);
        if (people.Count < names.Length)
        {
            return 0;
        }
        var teacher = people["teacher"];
        var classId = await identity.Assignments.IgnoreQueryFilters().Where(a => a.AccountId == teacher.Id && a.ClassId != null).Select(a => a.ClassId!.Value).FirstAsync(ct);
        var place = (await sp.GetRequiredService<IOrganizationDirectory>().FindClassAsync(classId, ct))!;
        var owned = await sp.GetRequiredService<IResourceLookup>().ListOwnedAsync(teacher.Id, 20, ct);
        var design = owned.FirstOrDefault(r => r.TypeCode == "design" && r.Published);
        if (design is null || design.CatalogueNodeIds.Count < 5)
        {
            return 0;
        }
        var courseware = owned.FirstOrDefault(r => r.TypeCode == "courseware");
        var now = clock.GetUtcNow().UtcDateTime;
        var current = Round(2026, RoundPhase.CountyReview, now.AddDays(-30));
        var last = Round(2025, RoundPhase.Published, now.AddDays(-400));
        last.PublishedAt = now.AddDays(-200);
        db.Rounds.AddRange(current, last);
        var entries = new List<Entry>();
        foreach (var (round, title, reached) in new[] { (current, "朗读中的春天——《春》第一课时", 0), (last, "五幅春景图——《春》群文阅读", 2) })
        {
            db.Criteria.AddRange(RubricCriterion.Defaults.Select((c, i) => new RubricCriterion { RoundId = round.Id, Name = c.Name, MaxPoints = c.Max, SortOrder = i + 1 }));
            var entry = new Entry
            {
                RoundId = round.Id, TeacherId = teacher.Id, TeacherName = teacher.DisplayName, SchoolName = place.SchoolName, Title = title,
                StageCode = design.StageCode, SubjectCode = design.SubjectCode, GradeCode = design.GradeCode, Edition = design.CataloguePath[2],
                CatalogueNodeId = design.CatalogueNodeId, CataloguePath = string.Join(" / ", design.CataloguePath), ChapterNodeId = design.CatalogueNodeIds[4],
                DesignResourceId = design.Id, CoursewareResourceId = courseware?.Id, SubmittedAt = round.CreatedAt.AddDays(10),
                Status = reached == 0 ? EntryStatus.Submitted : EntryStatus.ProvinceDeclined, RecommendedLevel = reached, Award = (Award)reached,
                ProvinceCode = place.Key.ProvinceCode, CityCode = place.Key.CityCode, CountyCode = place.Key.CountyCode, SchoolId = place.SchoolId,
            };
            entries.Add(entry);
        }
        db.Entries.AddRange(entries);
        db.Scores.Add(Scored(entries[0], people["nm_admin"], [18, 36, 17, 18], now.AddDays(-2)));
        await db.SaveChangesAsync(ct);
        return entries.Count;

        ContestRound Round(int year, RoundPhase phase, DateTime at) => new() { Year = year, Name = $"{year}年度“一师一优课、一课一名师”活动", Phase = phase, CreatedAt = at };
    }

    private static Score Scored(Entry entry, (Guid Id, string DisplayName) reviewer, List<int> points, DateTime at) => new()
    {
        EntryId = entry.Id, RoundId = entry.RoundId, Level = ContestLevel.County, ReviewerId = reviewer.Id, ReviewerName = reviewer.DisplayName,
        Points = points, Total = points.Sum(), Comment = "朗读指导扎实，信息技术与教学融合自然", At = at,
    };
}
