using EduCloud.Kernel.Codes;
using EduCloud.Kernel.Errors;
using EduCloud.Lessons.Data;
using EduCloud.Lessons.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Lessons.Features.Rounds;

/// <summary>
/// 创建活动年度: the national administrator opens a national round, a province administrator one for their province
/// (the round's row sits at that node, so the scope guard refuses anyone else with 403). Without criteria the round gets
/// the usual rubric (教学设计 20, 教学实施 40, 教学效果 20, 技术应用 20).
/// </summary>
internal static class CreateRound
{
    public sealed record CriterionInput(string Name, int MaxPoints);

    public sealed record Request(int Year, string Name, string? ProvinceCode, int? ProvinceQuota, bool? OnePerChapter, IReadOnlyList<CriterionInput>? Criteria);

    public static async Task<RoundDto> HandleAsync(LessonsDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var criteria = request.Criteria is { Count: > 0 } given ? given : RubricCriterion.Defaults.Select(d => new CriterionInput(d.Name, d.Max)).ToList();
        var problems = new Problems()
            .Check(request.Year is >= 2014 and <= 2100, "year", "活动年度须在2014到2100之间")
            .Required(request.Name, "name", "活动名称")
            .MaxLength(request.Name, 100, "name", "活动名称")
            .Check(request.ProvinceCode is null or "" || (RegionCode.IsWellFormed(request.ProvinceCode) && RegionCode.LevelOf(request.ProvinceCode) == RegionLevel.Province),
                "provinceCode", "请填写省级行政区划代码（如520000），全国活动留空")
            .Check(request.ProvinceQuota is null or (>= 0 and <= 100000), "provinceQuota", "每省部级推荐名额须在0到100000之间");
        CheckCriteria(problems, criteria).ThrowIfAny();
        var province = request.ProvinceCode ?? "";
        if (await db.Rounds.IgnoreQueryFilters().AnyAsync(r => r.Year == request.Year && r.ProvinceCode == province, ct))
        {
            throw new ConflictException("year", $"{request.Year}年度已有该范围的活动");
        }
        var round = new ContestRound
        {
            Year = request.Year,
            Name = request.Name.Trim(),
            ProvinceCode = province,
            ProvinceQuota = request.ProvinceQuota ?? 800,
            OnePerChapter = request.OnePerChapter ?? true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Rounds.Add(round);
        db.Criteria.AddRange(criteria.Select((c, i) => new RubricCriterion { RoundId = round.Id, Name = c.Name.Trim(), MaxPoints = c.MaxPoints, SortOrder = i + 1 }));
        await db.SaveChangesAsync(ct);
        return await ListRounds.GetAsync(db, round.Id, ct);
    }

    /// <summary>A rubric's rules, shared with <see cref="EditRubric"/>: named, distinct criteria whose maxima add up to 100 points.</summary>
    internal static Problems CheckCriteria(Problems problems, IReadOnlyList<CriterionInput> criteria)
    {
        problems.Check(criteria.Count is >= 1 and <= 20, "criteria", "评分细则须有1到20项")
            .Check(criteria.Select(c => c.Name?.Trim()).Distinct().Count() == criteria.Count, "criteria", "评分细则的名称不能重复");
        for (var i = 0; i < criteria.Count; i++)
        {
            problems.Required(criteria[i].Name, $"criteria[{i}].name", "评分项名称")
                .MaxLength(criteria[i].Name, 50, $"criteria[{i}].name", "评分项名称")
                .Check(criteria[i].MaxPoints is >= 1 and <= 100, $"criteria[{i}].maxPoints", $"「{criteria[i].Name}」的满分须在1到100之间");
        }
        var total = criteria.Sum(c => (long)c.MaxPoints);
        return problems.Check(total == 100, "criteria", $"各评分项满分之和须为100分（现为{total}分）");
    }

    public static async Task<Created<RoundDto>> EndpointAsync(LessonsDbContext db, TimeProvider clock, Request request, CancellationToken ct)
    {
        var round = await HandleAsync(db, clock, request, ct);
        return TypedResults.Created($"/api/v1/lessons/rounds/{round.Id}", round);
    }
}
