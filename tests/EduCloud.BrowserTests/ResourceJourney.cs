using System.Text.Json;
using Microsoft.Playwright;
using static EduCloud.BrowserTests.DemoSession;

namespace EduCloud.BrowserTests;

/// <summary>
/// Issue 4's browser journey on the demo data: the teacher finds the 《春》 micro-lecture by walking the textbook
/// catalogue, plays its video with a seek (served with range requests), pushes it to their classes, and the student
/// sees it on their class page and opens it, which the teacher's record of use shows.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResourceJourney(ServerAndBrowser app)
{
    private const string Title = "《春》朗读微课";

    [Fact]
    public async Task A_teacher_finds_a_video_by_chapter_plays_it_with_a_seek_and_pushes_it_to_a_class_the_student_sees()
    {
        var page = await app.NewPageAsync(390, 844); // phone width
        var ranges = new List<int>();
        page.Response += (_, r) =>
        {
            if (r.Url.Contains("/file", StringComparison.Ordinal))
            {
                lock (ranges) { ranges.Add(r.Status); }
            }
        };
        try
        {
            await SignInAsync(page, "teacher");
            await page.GotoAsync("/resources");
            foreach (var name in new[] { "初中", "语文", "统编版", "七年级上册", "第一单元", "1 春" })
            {
                await page.Locator("[data-testid=catalogue-node]", new() { HasTextString = name }).First.ClickAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }
            (await page.Locator("[data-testid=catalogue-path]").Last.InnerTextAsync()).ShouldBe("1 春");
            await ServerAndBrowser.ScreenshotAsync(page, "resource-browse");
            var hit = page.Locator("[data-testid=search-hit]", new() { HasTextString = Title });
            (await hit.CountAsync()).ShouldBe(1);
            await hit.Locator("a").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await page.Locator("[data-testid=resource-title]").InnerTextAsync()).ShouldBe(Title);

            // The video loads its metadata, seeks to 2 s and plays on from there.
            var time = await page.Locator("[data-testid=preview-video]").EvaluateAsync<double>(@"async v => {
                v.muted = true;
                if (v.readyState < 1) { await new Promise((ok, fail) => { v.onloadedmetadata = ok; v.onerror = () => fail(new Error('video error ' + (v.error && v.error.code))); v.load(); }); }
                await new Promise(ok => { v.onseeked = ok; v.currentTime = 2; });
                await v.play();
                await new Promise(ok => setTimeout(ok, 400));
                v.pause();
                return v.currentTime; }");
            time.ShouldBeGreaterThan(2.0);
            lock (ranges) { ranges.ShouldContain(206, "the player asks for byte ranges and gets 206 Partial Content"); }

            // Push it to the teacher's classes with a note.
            var classes = page.Locator("[data-testid=push-class]");
            (await classes.CountAsync()).ShouldBeGreaterThan(0);
            for (var i = 0; i < await classes.CountAsync(); i++)
            {
                await classes.Nth(i).CheckAsync();
            }
            await page.Locator("[data-testid=push-form] input[name=note]").FillAsync("请在课前观看");
            await page.Locator("[data-testid=push]").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await page.Locator("[data-testid=action-done]").GetAttributeAsync("data-done")).ShouldBe("pushed");
        }
        finally
        {
            await ServerAndBrowser.ScreenshotAsync(page, "resource-teacher");
            await page.Context.CloseAsync();
        }

        var student = await app.NewPageAsync(390, 844);
        try
        {
            await SignInAsync(student, "student");
            await student.Locator("[data-testid=link-class-resources]").ClickAsync();
            await student.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var item = student.Locator("[data-testid=class-resource]", new() { HasTextString = Title });
            (await item.CountAsync()).ShouldBe(1);
            (await item.InnerTextAsync()).ShouldContain("请在课前观看");
            await item.Locator("a").First.ClickAsync();
            await student.WaitForLoadStateAsync(LoadState.NetworkIdle);
            (await student.Locator("[data-testid=preview-video]").CountAsync()).ShouldBe(1);
        }
        finally
        {
            await ServerAndBrowser.ScreenshotAsync(student, "resource-student");
            await student.Context.CloseAsync();
        }

        // The teacher's record of use shows the student's open.
        var check = await app.NewPageAsync();
        try
        {
            await SignInAsync(check, "teacher");
            var pushes = await ApiAsync(check, "/api/v1/resources/class");
            var opened = 0;
            foreach (var push in pushes.EnumerateArray().Where(p => p.GetProperty("title").GetString() == Title))
            {
                opened += (await ApiAsync(check, $"/api/v1/resources/class/{push.GetProperty("id").GetGuid()}/uses")).GetProperty("studentsWhoOpened").GetInt32();
            }
            opened.ShouldBe(1);
        }
        finally
        {
            await check.Context.CloseAsync();
        }
    }
}
