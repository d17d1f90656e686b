using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Resources.Search;
using EduCloud.Tests.Infrastructure;
using EduCloud.Tests.Teachers;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Tests.Resources;

public sealed class ReviewWorkflowTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    private SearchResult Search(string text) => factory.Services.GetRequiredService<IResourceSearch>()
        .Search(new SearchQuery(text, new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Newest, 1, 20, []));

    [Fact]
    public async Task A_teachers_resource_is_rejected_resubmitted_reviewed_twice_published_searchable_and_taken_down()
    {
        var (teacher, teacherUser, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        using var expert = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520100"));
        using var outsider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "110000"));
        var node = await ResourceApi.NodeAsync(teacher, "初中", "语文", "统编版", "七年级上册", "第一单元", "1 春");
        var title = "《春》朗读教学设计 " + Guid.NewGuid().ToString("N")[..6];

        var created = await ResourceApi.CreateAsync(teacher, ResourceApi.Version(await ResourceApi.UploadedAsync(teacher, "春.pdf", ResourceApi.Pdf()), node, title));
        var resourceId = created.GetProperty("id").GetGuid();
        var v1 = ResourceApi.LatestVersionId(created);
        created.GetProperty("versions")[0].GetProperty("status").GetString().ShouldBe("Submitted");
        created.GetProperty("versions")[0].GetProperty("stageCode").GetString().ShouldBe("junior");
        created.GetProperty("versions")[0].GetProperty("gradeCode").GetString().ShouldBe("7");
        created.GetProperty("versions")[0].GetProperty("cataloguePath").EnumerateArray().Select(n => n.GetString()).ShouldBe(["初中", "语文", "统编版", "七年级上册", "第一单元", "1 春"]);

        // A reviewer of another province neither sees it in the queue nor may act on it.
        (await outsider.GetFromJsonAsync<JsonElement>("/api/v1/resources/review-queue")).EnumerateArray().ShouldNotContain(q => q.GetProperty("versionId").GetGuid() == v1);
        (await ResourceApi.TakeAsync(outsider, v1, "StartFirstReview")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The teacher cannot review their own resource.
        (await ResourceApi.TakeAsync(teacher, v1, "StartFirstReview")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/resources/review-queue")).EnumerateArray().ShouldContain(q => q.GetProperty("versionId").GetGuid() == v1);
        await ResourceApi.TakenAsync(reviewer, v1, "StartFirstReview");
        // A rejection needs a reason.
        (await ResourceApi.TakeAsync(reviewer, v1, "Reject")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ResourceApi.TakenAsync(reviewer, v1, "Reject", "第三页引用的图片未注明出处，请补充版权说明");

        var mine = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/resources/mine");
        var row = mine.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == resourceId);
        row.GetProperty("status").GetString().ShouldBe("Rejected");
        row.GetProperty("lastComment").GetString()!.ShouldContain("版权说明");

        // A rejected version cannot move on; the teacher answers with version 2.
        (await ResourceApi.TakeAsync(reviewer, v1, "PassFirstReview")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var second = await teacher.PostAsJsonAsync($"/api/v1/resources/{resourceId}/versions",
            new { version = ResourceApi.Version(await ResourceApi.UploadedAsync(teacher, "春v2.pdf", ResourceApi.Pdf("第二版")), node, title), submit = true });
        var secondJson = await second.JsonAsync();
        second.StatusCode.ShouldBe(HttpStatusCode.Created, secondJson.ToString());
        var v2 = ResourceApi.LatestVersionId(secondJson);
        secondJson.GetProperty("versions").GetArrayLength().ShouldBe(2);

        await ResourceApi.TakenAsync(reviewer, v2, "StartFirstReview");
        await ResourceApi.TakenAsync(reviewer, v2, "PassFirstReview", "内容、版权、政治性审查通过");
        // Four eyes: the first reviewer does not also decide the expert review.
        (await ResourceApi.TakeAsync(reviewer, v2, "Publish")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Search(title).Total.ShouldBe(0);
        var published = await ResourceApi.TakenAsync(expert, v2, "Publish");
        published.GetProperty("publishedVersionId").GetGuid().ShouldBe(v2);

        // Published: searchable, visible to any signed-in user (without comments or the event log).
        Search(title).Hits.Select(h => h.ResourceId).ShouldBe([resourceId]);
        using var stranger = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        var seen = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}");
        seen.GetProperty("versions").GetArrayLength().ShouldBe(1);
        seen.GetProperty("versions")[0].GetProperty("events").GetArrayLength().ShouldBe(0);
        seen.GetProperty("versions")[0].GetProperty("lastComment").ValueKind.ShouldBe(JsonValueKind.Null);

        // The owner sees every version with its event log.
        var full = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}");
        var log1 = full.GetProperty("versions")[1].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("trigger").GetString()).ToList();
        log1.ShouldBe(["Create", "Submit", "StartFirstReview", "Reject"]);
        var log2 = full.GetProperty("versions")[0].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("trigger").GetString()).ToList();
        log2.ShouldBe(["Create", "Submit", "StartFirstReview", "PassFirstReview", "Publish"]);

        // Takedown needs a reason, leaves the search, keeps the versions traceable.
        (await ResourceApi.TakeAsync(teacher, v2, "TakeDown", "不想要了")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ResourceApi.TakenAsync(reviewer, v2, "TakeDown", "接到版权投诉");
        Search(title).Total.ShouldBe(0);
        (await stranger.GetAsync($"/api/v1/resources/{resourceId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}");
        after.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()).ShouldBe(["TakenDown", "Rejected"]);
    }

    [Fact]
    public async Task A_new_published_version_supersedes_the_old_one_and_the_search_shows_the_new_title()
    {
        using var provider = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceProvider"));
        using var reviewer = await factory.ClientForAsync(await factory.CreateUserAsync("ResourceReviewer", "520000"));
        using var admin = await factory.ClientForAsync(await factory.CreateUserAsync("ProvinceAdmin", "520000"));
        var node = await ResourceApi.NodeAsync(provider, "小学", "数学", "人教版", "一年级上册", "7 认识钟表");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var created = await ResourceApi.CreateAsync(provider, ResourceApi.Version(await ResourceApi.UploadedAsync(provider, "钟表.pdf", ResourceApi.Pdf()), node, "认识钟表 微课 " + tag, "microlecture"),
            regionCode: "520000");
        var id = created.GetProperty("id").GetGuid();
        async Task PublishAsync(Guid version)
        {
            await ResourceApi.TakenAsync(reviewer, version, "StartFirstReview");
            await ResourceApi.TakenAsync(reviewer, version, "PassFirstReview");
            await ResourceApi.TakenAsync(admin, version, "Publish");
        }
        await PublishAsync(ResourceApi.LatestVersionId(created));
        var next = await provider.PostAsJsonAsync($"/api/v1/resources/{id}/versions",
            new { version = ResourceApi.Version(await ResourceApi.UploadedAsync(provider, "钟表2.pdf", ResourceApi.Pdf("2")), node, "认识钟表（修订）" + tag, "microlecture"), submit = true });
        var v2 = ResourceApi.LatestVersionId(await next.JsonAsync());
        // While version 2 is in review, version 1 stays published and found.
        Search("认识钟表 微课 " + tag).Total.ShouldBe(1);
        await PublishAsync(v2);
        Search("认识钟表（修订）" + tag).Hits.Single().ResourceId.ShouldBe(id);
        Search("认识钟表 微课 " + tag).Total.ShouldBe(0);
        var detail = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{id}");
        detail.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()).ShouldBe(["Published", "Superseded"]);

        // A provider outside any school must say where it submits.
        var nowhere = await provider.PostAsJsonAsync("/api/v1/resources", new
        {
            kind = "Basic", priceCents = 0,
            version = ResourceApi.Version(await ResourceApi.UploadedAsync(provider, "x.pdf", ResourceApi.Pdf("x")), node),
        });
        nowhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nowhere.Content.ReadAsStringAsync()).ShouldContain("regionCode");
    }

    [Fact]
    public async Task Markup_in_titles_and_comments_is_refused_and_bad_metadata_names_its_fields()
    {
        var (teacher, _, _, _) = await ResourceApi.TeacherAsync(factory);
        using var _t = teacher;
        var node = await ResourceApi.NodeAsync(teacher, "小学", "数学", "人教版", "一年级上册");
        var upload = await ResourceApi.UploadedAsync(teacher, "a.pdf", ResourceApi.Pdf());
        var response = await teacher.PostAsJsonAsync("/api/v1/resources", new
        {
            kind = "Basic", priceCents = 0,
            version = ResourceApi.Version(upload, node, "<script>alert(1)</script>比较 3<5"),
        });
        var problem = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("title")[0].GetString()!.ShouldContain("HTML");

        var bad = await teacher.PostAsJsonAsync("/api/v1/resources", new
        {
            kind = "Personalised", priceCents = 0,
            version = new { title = "x", typeCode = "nonsense", licenceCode = "platform", catalogueNodeId = node, uploadId = upload },
        });
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        errors.TryGetProperty("priceCents", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("typeCode", out _).ShouldBeTrue(errors.ToString());

        // "3<5" is text, not markup: accepted and returned as typed (the pages encode it).
        var fine = await ResourceApi.CreateAsync(teacher, ResourceApi.Version(upload, node, "比较大小 3<5"), submit: false);
        fine.GetProperty("versions")[0].GetProperty("title").GetString().ShouldBe("比较大小 3<5");
        fine.GetProperty("versions")[0].GetProperty("status").GetString().ShouldBe("Draft");
        fine.GetProperty("versions")[0].GetProperty("gradeCode").GetString().ShouldBe("1");
    }
}
