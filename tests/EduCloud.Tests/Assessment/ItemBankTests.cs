using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EduCloud.Tests.Infrastructure;
using static EduCloud.Tests.Assessment.AssessApi;

namespace EduCloud.Tests.Assessment;

/// <summary>题库: the five item types, their validation (Chinese, naming the field), filters, sharing within a school, owner-only edits.</summary>
public sealed class ItemBankTests(EduCloudFactory factory) : IClassFixture<EduCloudFactory>
{
    [Fact]
    public async Task A_teacher_creates_items_of_every_type_and_finds_them_by_filter()
    {
        var school = await SchoolAsync(factory);
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var single = await ItemAsync(teacher, Single());
        await ItemAsync(teacher, Multiple());
        var tf = await ItemAsync(teacher, TrueFalse(isTrue: false));
        var blanks = await ItemAsync(teacher, Blanks());
        await ItemAsync(teacher, Short());

        var all = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items");
        all.GetArrayLength().ShouldBe(5);
        var one = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/items/{single}");
        one.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("correct").GetBoolean()).GetProperty("key").GetString().ShouldBe("B");
        var judged = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/items/{tf}");
        judged.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("key").GetString(), o.GetProperty("correct").GetBoolean()))
            .ShouldBe([("T", false), ("F", true)]);
        var fill = await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/items/{blanks}");
        fill.GetProperty("blanks")[0].GetProperty("answers").EnumerateArray().Select(a => a.GetString()).ShouldBe(["北京", "北京市"]);

        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items?kind=FillBlank")).GetArrayLength().ShouldBe(1);
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items?subject=shuxue")).GetArrayLength().ShouldBe(1);
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items?tag=省会")).GetArrayLength().ShouldBe(1);
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items?q=光合作用")).GetArrayLength().ShouldBe(1);
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items?difficulty=3&stage=junior")).GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task Invalid_items_are_refused_with_chinese_messages_naming_the_field()
    {
        var school = await SchoolAsync(factory);
        var (_, teacher) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        async Task<JsonElement> Refused(object body) => await (await teacher.PostAsJsonAsync("/api/v1/assessment/items", body)).ExpectAsync(HttpStatusCode.BadRequest);

        var twoCorrect = await Refused(new
        {
            kind = "SingleChoice", stem = "选一个", stageCode = "junior", subjectCode = "dili",
            options = new[] { new { text = "甲", correct = true }, new { text = "乙", correct = true } },
        });
        FirstError(twoCorrect, "options").ShouldBe("单选题须有且只有一个正确选项");
        var oneOption = await Refused(new { kind = "MultipleChoice", stem = "选", stageCode = "junior", subjectCode = "dili", options = new[] { new { text = "甲", correct = true } } });
        FirstError(oneOption, "options").ShouldContain("2到8个选项");
        var emptyBlank = await Refused(new { kind = "FillBlank", stem = "____", stageCode = "junior", subjectCode = "yuwen", blanks = new[] { new { answers = new[] { "  " } } } });
        FirstError(emptyBlank, "blanks[0]").ShouldBe("第1空须至少有一个参考答案");
        var noReference = await Refused(new { kind = "ShortAnswer", stem = "简述", stageCode = "junior", subjectCode = "yuwen" });
        FirstError(noReference, "referenceAnswer").ShouldBe("参考答案不能为空");
        var bad = await Refused(new { kind = "Essay", stem = "", stageCode = "x", subjectCode = "y", points = 0, difficulty = 9 });
        FirstError(bad, "kind").ShouldContain("题型");
        FirstError(bad, "stem").ShouldBe("题干不能为空");
        FirstError(bad, "stageCode").ShouldBe("请选择学段");
        FirstError(bad, "points").ShouldBe("分值须在1到100之间");
        FirstError(bad, "difficulty").ShouldBe("难度须在1到5之间");
        (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items")).GetArrayLength().ShouldBe(0);

        var (_, student) = await PersonAsync(factory, "Student", school, school.ClassA);
        await (await student.PostAsJsonAsync("/api/v1/assessment/items", Single())).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Shared_items_reach_colleagues_at_the_same_school_and_only_the_owner_edits()
    {
        var school = await SchoolAsync(factory);
        var other = await SchoolAsync(factory, "别的中学");
        var (_, owner) = await PersonAsync(factory, "Teacher", school, school.ClassA);
        var (_, colleague) = await PersonAsync(factory, "Teacher", school, school.ClassB);
        var (_, stranger) = await PersonAsync(factory, "Teacher", other, other.ClassA);
        var privateItem = await ItemAsync(owner, Single("不共享的题"));
        var sharedItem = await ItemAsync(owner, Single("共享的题"));
        var body = JsonSerializer.SerializeToNode(Single("共享的题"))!.AsObject();
        body["shared"] = true;
        await (await owner.PutAsJsonAsync($"/api/v1/assessment/items/{sharedItem}", body)).ExpectAsync(HttpStatusCode.OK);

        var seen = (await colleague.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items")).EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        seen.ShouldBe([sharedItem]);
        (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items")).GetArrayLength().ShouldBe(0);
        (await stranger.GetAsync($"/api/v1/assessment/items/{sharedItem}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await colleague.GetAsync($"/api/v1/assessment/items/{privateItem}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await (await colleague.PutAsJsonAsync($"/api/v1/assessment/items/{sharedItem}", Single("改掉"))).ExpectAsync(HttpStatusCode.Forbidden);
        await (await colleague.DeleteAsync($"/api/v1/assessment/items/{sharedItem}")).ExpectAsync(HttpStatusCode.Forbidden);
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/assessment/items/{sharedItem}")).GetProperty("stem").GetString().ShouldBe("共享的题");
        await (await owner.DeleteAsync($"/api/v1/assessment/items/{privateItem}")).ExpectAsync(HttpStatusCode.NoContent);
        (await owner.GetFromJsonAsync<JsonElement>("/api/v1/assessment/items")).GetArrayLength().ShouldBe(1);
    }
}
