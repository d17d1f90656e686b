using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Review;

/// <summary>
/// The recommendation quotas, checked before a level recommends an entry upward (409 naming the quota, nothing written):
/// - 推荐名额: a county, city or province recommends at most the number the level above set for it in this round
///   (a province at most the round's 部级推荐名额, 800 by default, unless set otherwise for that province);
/// - 一课一优: normally one entry per grade, subject, edition and chapter per level and region (the ministry: nationwide).
/// One entry per teacher is kept at submission. Counting reads past the scope filter on purpose: a quota is a rule over
/// the whole region, whoever asks.
/// </summary>
internal static class QuotaRules
{
    public static async Task CheckAsync(LessonsDbContext db, IOrganizationDirectory directory, ContestRound round, Entry entry, ContestLevel level, CancellationToken ct)
    {
        var region = entry.RegionAt(level);
        var atLeast = (int)level;
        var sameRound = db.Entries.IgnoreQueryFilters().AsNoTracking().Where(e => e.RoundId == round.Id && e.Id != entry.Id && e.RecommendedLevel >= atLeast);
        var here = level switch
        {
            ContestLevel.County => sameRound.Where(e => e.CountyCode == region),
            ContestLevel.City => sameRound.Where(e => e.CityCode == region),
            ContestLevel.Province => sameRound.Where(e => e.ProvinceCode == region),
            _ => sameRound,
        };
        if (level != ContestLevel.Ministry)
        {
            var set = await db.Quotas.IgnoreQueryFilters().AsNoTracking().Where(q => q.RoundId == round.Id && q.RegionCode == region)
                .Select(q => (int?)q.MaxRecommendations).FirstOrDefaultAsync(ct);
            var max = set ?? (level == ContestLevel.Province ? round.ProvinceQuota : (int?)null);
            if (max is { } limit && await here.CountAsync(ct) >= limit)
            {
                var name = (await directory.FindRegionAsync(region, ct))?.Name ?? region;
                throw new ConflictException("quota", level == ContestLevel.Province
                    ? $"超出部级推荐名额：{name}本活动最多向教育部推荐{limit}节课"
                    : $"超出推荐名额：{name}本活动最多向上推荐{limit}节课");
            }
        }
        if (round.OnePerChapter)
        {
            var same = await here.Where(e => e.GradeCode == entry.GradeCode && e.ChapterNodeId == entry.ChapterNodeId).Select(e => e.Title).FirstOrDefaultAsync(ct);
            if (same is not null)
            {
                throw new ConflictException("quota",
                    $"同一年级、学科、教材版本、章节{EntryWorkflow.LevelName(level)}只能推荐一节课（已推荐《{same}》）");
            }
        }
    }
}
