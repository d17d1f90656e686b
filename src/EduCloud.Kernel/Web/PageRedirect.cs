using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http;

namespace EduCloud.Kernel.Web;

/// <summary>
/// How a plain form endpoint ends (post → redirect → get): run the same handler as the API, then go back to the page
/// with <c>?done=</c> or, when the handler refused, with <c>?error=</c> holding its Chinese message. Only refusals are
/// caught: anything else is a fault and goes to the error page, so a bug never looks like a validation message.
/// Every module's page actions use this one place, so the query keys and the message format cannot drift apart.
/// </summary>
public static class PageRedirect
{
    /// <summary>Runs <paramref name="action"/>, then goes to <paramref name="back"/> with <c>done=</c>; on a refusal goes
    /// to <paramref name="backOnError"/> (or <paramref name="back"/>) with <c>error=</c>.</summary>
    public static Task<IResult> RunAsync(string back, string done, Func<Task> action, string? backOnError = null) =>
        RedirectAsync(backOnError ?? back, async () =>
        {
            await action();
            return WithQuery(back, "done", done);
        });

    /// <summary>As <see cref="RunAsync(string, string, Func{Task}, string?)"/> for a handler that returns a value (ignored).</summary>
    public static Task<IResult> RunAsync<T>(string back, string done, Func<Task<T>> action, string? backOnError = null) =>
        RunAsync(back, done, (Func<Task>)action, backOnError);

    /// <summary>Runs <paramref name="action"/>, which says where to go next; on a refusal goes to <paramref name="back"/>
    /// with <c>error=</c>.</summary>
    public static async Task<IResult> RedirectAsync(string back, Func<Task<string>> action)
    {
        try
        {
            return Results.LocalRedirect(await action());
        }
        catch (Exception e) when (e is ValidationFailedException or ConflictException or ForbiddenException or NotFoundException)
        {
            return Results.LocalRedirect(WithQuery(back, "error", RefusalMessage(e)));
        }
    }

    /// <summary>The refusal as one line for the page: every field's messages joined, or the exception's own message.</summary>
    public static string RefusalMessage(Exception refusal) =>
        refusal is ValidationFailedException v ? string.Join("；", v.Errors.SelectMany(x => x.Value)) : refusal.Message;

    /// <summary>Appends one escaped query parameter, whether or not the address already has a query.</summary>
    public static string WithQuery(string url, string key, string value) =>
        url + (url.Contains('?') ? "&" : "?") + key + "=" + Uri.EscapeDataString(value);
}
