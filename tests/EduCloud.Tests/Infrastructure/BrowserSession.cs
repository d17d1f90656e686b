using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EduCloud.Tests.Infrastructure;

/// <summary>
/// A cookie-carrying client that walks the real pages like a browser without JavaScript: it reads the
/// antiforgery token from a form and posts it back. Redirects are not followed so tests can see them.
/// </summary>
public sealed partial class BrowserSession(EduCloudFactory factory) : IDisposable
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs a page, fills the named form and posts it; returns the POST's response.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string formName, IDictionary<string, string> fields)
    {
        var page = await Http.GetAsync(pageUrl);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryInput().Match(html);
        token.Success.ShouldBeTrue("no antiforgery token on " + pageUrl);
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await Http.PostAsync(pageUrl, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> SignInAsync(TestUser user, string returnUrl = "/") =>
        SubmitAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl), "signin",
            new Dictionary<string, string> { ["UserName"] = user.UserName, ["Password"] = user.Password });

    /// <summary>The antiforgery token of the page's first form, decoded, for posting to a page's plain form endpoint.</summary>
    public static string AntiforgeryToken(string html)
    {
        var token = AntiforgeryInput().Match(html);
        token.Success.ShouldBeTrue("the page has no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
