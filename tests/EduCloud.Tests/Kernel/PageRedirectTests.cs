using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EduCloud.Tests.Kernel;

public sealed class PageRedirectTests
{
    [Fact]
    public async Task A_finished_action_goes_back_with_done_after_an_existing_query()
    {
        var ran = false;
        var result = await PageRedirect.RunAsync("/resources/mine?page=2", "submit", () => { ran = true; return Task.CompletedTask; });

        ran.ShouldBeTrue();
        result.ShouldBeOfType<RedirectHttpResult>().Url.ShouldBe("/resources/mine?page=2&done=submit");
    }

    [Fact]
    public async Task A_refusal_goes_to_the_error_page_with_every_field_message_escaped()
    {
        var result = await PageRedirect.RunAsync("/homework", "set", () => Task.FromException<Guid>(
            new ValidationFailedException(new Dictionary<string, string[]> { ["title"] = ["标题不能为空"], ["dueAt"] = ["截止时间已过"] })), "/homework/new");

        var url = result.ShouldBeOfType<RedirectHttpResult>().Url;
        url.ShouldStartWith("/homework/new?error=");
        Uri.UnescapeDataString(url["/homework/new?error=".Length..]).ShouldBe("标题不能为空；截止时间已过");
    }

    [Fact]
    public async Task A_fault_that_is_not_a_refusal_is_not_turned_into_a_message()
    {
        await Should.ThrowAsync<InvalidOperationException>(() =>
            PageRedirect.RedirectAsync("/spaces", () => Task.FromException<string>(new InvalidOperationException("bug"))));
    }

    [Fact]
    public async Task A_conflict_keeps_its_own_message()
    {
        var result = await PageRedirect.RedirectAsync("/lessons", () => Task.FromException<string>(new ConflictException("entry", "已评分，不能撤回")));

        result.ShouldBeOfType<RedirectHttpResult>().Url.ShouldBe("/lessons?error=" + Uri.EscapeDataString("已评分，不能撤回"));
    }
}
