using EduCloud.Kernel.Files;
using System.Security.Cryptography;
using EduCloud.Identity.Data;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using EduCloud.Resources;
using EduCloud.Resources.Data;
using EduCloud.Resources.Domain;
using EduCloud.Resources.Features.Publishing;
using EduCloud.Resources.Features.Review;
using EduCloud.Resources.Files;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Demo;

/// <summary>
/// A handful of resources across the shipped catalogue so the resource pages show something on first run: uploaded by
/// `provider` and `teacher`, first-reviewed by `reviewer` and published by gz_admin (the expert step needs a second
/// person); one waits in the review queue and one was rejected with a comment. Files are small real PDFs and PNGs.
/// </summary>
internal static class DemoResources
{
    private sealed record Item(string Owner, string[] Path, string Title, string Description, string Type, string FileName, byte[] Bytes,
        ResourceKind Kind = ResourceKind.Basic, long PriceCents = 0, ReviewTrigger Last = ReviewTrigger.Publish, string? Comment = null, string[]? Points = null);

    private static Item[] Items() =>
    [
        new("teacher", ["初中", "语文", "统编版", "七年级上册", "第一单元", "1 春"], "《春》第一课时教学设计", "朗读感知春天的五幅图景，品味比喻、拟人的修辞。", "design", "chun-jiaoxuesheji.pdf",
            DemoFiles.Pdf("Spring (Zhu Ziqing) - lesson plan, period 1", "1. Read aloud", "2. Five pictures of spring", "3. Metaphor and personification"), Points: ["比喻", "拟人", "朗读"]),
        new("provider", ["初中", "语文", "统编版", "七年级上册", "第一单元", "1 春"], "《春》朗读微课", "四分钟的朗读示范微课，可拖动播放。", "microlecture", "chun-langdu.webm",
            DemoFiles.Webm(), Points: ["朗读"]),
        new("teacher", ["初中", "语文", "统编版", "七年级上册", "第一单元", "2 济南的冬天"], "《济南的冬天》课件", "老舍笔下济南冬天的“温晴”，配图赏析。", "courseware", "jinan-kejian.pdf",
            DemoFiles.Pdf("Winter in Jinan (Lao She) - slides", "Warm and sunny winter", "Mountains, snow and water")),
        new("provider", ["小学", "数学", "人教版", "一年级上册", "3 1～5的认识和加减法", "分与合"], "5以内数的分与合 练习", "分与合的十道基础练习，附答案。", "item", "fenyuhe-lianxi.pdf",
            DemoFiles.Pdf("Numbers up to 5: split and combine", "1) 5 = 2 + ?", "2) 4 = 1 + ?", "Answers on page 2"), Points: ["数的分与合"]),
        new("provider", ["小学", "数学", "人教版", "一年级上册", "7 认识钟表"], "认识钟表 图片素材", "整时的钟面图片，可用于课堂导入。", "media", "zhongbiao.png", DemoFiles.Png(1), Points: ["整时"]),
        new("provider", ["初中", "数学", "人教版", "七年级上册", "第一章 有理数", "1.3 有理数的加减法"], "有理数的加法 精讲课件", "同号、异号两数相加的法则与例题精讲。", "courseware", "youlishu-jiafa.pdf",
            DemoFiles.Pdf("Adding rational numbers", "Same signs: add absolute values", "Different signs: subtract"), ResourceKind.Personalised, 1990, Points: ["有理数加法法则"]),
        new("provider", ["高中", "物理", "人教版", "必修 第一册", "第一章 运动的描述", "1 质点 参考系"], "质点 参考系 课堂练习卷", "十五分钟随堂练习。", "paper", "zhidian-lianxi.pdf",
            DemoFiles.Pdf("Particle and frame of reference - quiz", "15 minutes")),
        new("provider", ["小学", "数学", "人教版", "一年级上册", "8 20以内的进位加法", "9加几"], "9加几 凑十法练习", "用凑十法计算9加几。", "item", "9jiaji.pdf",
            DemoFiles.Pdf("9 plus a number: make ten"), Last: ReviewTrigger.Submit),
        new("teacher", ["初中", "语文", "统编版", "七年级上册", "第一单元", "3 雨的四季"], "《雨的四季》朗读指导", "配乐朗读的指导要点。", "design", "yudesiji.pdf",
            DemoFiles.Pdf("The four seasons of rain - reading aloud"), Last: ReviewTrigger.Reject, Comment: "配乐音频未注明来源，请补充版权说明后重新提交"),
    ];

    public static async Task<int> SeedAsync(IServiceProvider sp, IdentityDbContext identity, TimeProvider clock, CancellationToken ct)
    {
        var db = sp.GetRequiredService<ResourcesDbContext>();
        if (await db.Resources.AnyAsync(ct))
        {
            return 0;
        }
        string[] names = ["TEACHER", "PROVIDER", "REVIEWER", "GZ_ADMIN"];
        var people = await identity.Accounts.IgnoreQueryFilters().Where(a => names.Contains(a.NormalizedUserName))
            .ToDictionaryAsync(a => a.NormalizedUserName.ToLowerInvariant(), a => new DemoActor(a.Id, a.DisplayName), ct);
        if (people.Count < names.Length)
        {
            return 0;
        }
        var classId = await identity.Assignments.IgnoreQueryFilters().Where(a => a.AccountId == people["teacher"].UserId && a.ClassId != null).Select(a => a.ClassId!.Value).FirstAsync(ct);
        var directory = sp.GetRequiredService<IOrganizationDirectory>();
        var school = await directory.FindSchoolAsync((await directory.FindClassAsync(classId, ct))!.SchoolId, ct);
        var blobs = sp.GetRequiredService<IBlobStore>();
        var options = sp.GetRequiredService<ResourcesOptions>();
        var nodes = await db.CatalogueNodes.AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = Items();
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var path = new List<CatalogueNode>();
            foreach (var name in item.Path)
            {
                path.Add(nodes.First(n => n.ParentId == path.LastOrDefault()?.Id && n.Name == name));
            }
            var sha = Convert.ToHexStringLower(SHA256.HashData(item.Bytes));
            var temp = Path.Combine(options.UploadDirectory, "demo-" + sha);
            Directory.CreateDirectory(options.UploadDirectory);
            await File.WriteAllBytesAsync(temp, item.Bytes, ct);
            await blobs.PutAsync(sha, temp, ct);
            var format = Path.GetExtension(item.FileName).TrimStart('.');
            db.Blobs.Add(new StoredBlob { Sha256 = sha, SizeBytes = item.Bytes.Length, Format = format, ContentType = ContentTypeOf(format), ScannedBy = "demo data", StoredAt = now });
            var owner = people[item.Owner];
            var at = now.AddDays(-20 + (i * 2));
            var fromSchool = item.Owner == "teacher";
            var resource = new Resource
            {
                OwnerId = owner.UserId!.Value,
                OwnerName = owner.DisplayName!,
                ProviderName = fromSchool ? school!.Name : "黔课数字教育科技有限公司",
                Kind = item.Kind,
                PriceCents = item.PriceCents,
                ProvinceCode = fromSchool ? school!.Key.ProvinceCode : "520000",
                CityCode = fromSchool ? school!.Key.CityCode : null,
                CountyCode = fromSchool ? school!.Key.CountyCode : null,
                LatestVersionNumber = 1,
                CreatedAt = at,
            };
            var volume = path.FirstOrDefault(n => n.Level == CatalogueLevel.Volume);
            var version = new ResourceVersion
            {
                ResourceId = resource.Id, Number = 1, Title = item.Title, Description = item.Description, Tags = [], KnowledgePoints = [.. item.Points ?? []],
                TypeCode = item.Type, LanguageCode = "zh", LicenceCode = "platform", CatalogueNodeId = path[^1].Id, CataloguePath = path.Select(n => n.Name).ToList(),
                CatalogueNodeIds = path.Select(n => n.Id).ToList(), StageCode = path[0].Code, SubjectCode = path[1].Code, GradeCode = volume?.GradeCode,
                BlobSha256 = sha, FileName = item.FileName, Format = format, ContentType = ContentTypeOf(format), SizeBytes = item.Bytes.Length, CreatedAt = at,
                DurationSeconds = format == "webm" ? 4 : null,
            };
            db.Resources.Add(resource);
            db.Versions.Add(version);
            db.Events.Add(ReviewEvents.Created(version, owner, at));
            var steps = item.Last switch
            {
                ReviewTrigger.Submit => new[] { (ReviewTrigger.Submit, owner) },
                ReviewTrigger.Reject => [(ReviewTrigger.Submit, owner), (ReviewTrigger.StartFirstReview, people["reviewer"]), (ReviewTrigger.Reject, people["reviewer"])],
                _ => [(ReviewTrigger.Submit, owner), (ReviewTrigger.StartFirstReview, people["reviewer"]), (ReviewTrigger.PassFirstReview, people["reviewer"]), (ReviewTrigger.Publish, people["gz_admin"])],
            };
            foreach (var (trigger, actor) in steps)
            {
                at = at.AddHours(5);
                var comment = trigger switch
                {
                    ReviewTrigger.Reject => item.Comment,
                    ReviewTrigger.PassFirstReview => "内容、版权、政治性审查通过",
                    ReviewTrigger.Publish => "专家评审通过",
                    _ => null,
                };
                db.Events.Add(ReviewEvents.Take(version, trigger, actor, comment, at));
                if (trigger == ReviewTrigger.PassFirstReview)
                {
                    version.FirstReviewerId = actor.UserId;
                }
            }
            if (version.Status == ReviewStatus.Published)
            {
                version.PublishedAt = resource.PublishedAt = at;
                resource.PublishedVersionId = version.Id;
            }
        }
        await db.SaveChangesAsync(ct);
        await sp.GetRequiredService<SearchFeeder>().LoadAllAsync(db, ct);
        return items.Length;
    }

    private static string ContentTypeOf(string format) => format switch { "png" => "image/png", "webm" => "video/webm", _ => "application/pdf" };

    /// <summary>A demo account as the actor of its seeded review steps (the event log shows their names).</summary>
    private sealed record DemoActor(Guid? UserId, string? DisplayName) : ICurrentActor
    {
        public string? ClientAddress => null;
        public IReadOnlyList<Role> Roles => [];
        public DataScope Scope => DataScope.System;
    }
}
