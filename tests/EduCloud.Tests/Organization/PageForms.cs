using System.Net;
using System.Text.RegularExpressions;
using EduCloud.Tests.Infrastructure;

namespace EduCloud.Tests.Organization;

/// <summary>Submits a static-SSR form the way a browser does: the page's antiforgery token, its form name and the fields.</summary>
internal static partial class PageForms
{
    public static async Task<string> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.HtmlAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var token = BrowserSession.AntiforgeryToken(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        var body = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>The page's text with character references decoded: the server's encoder writes Chinese as &amp;#x...; references.</summary>
    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static int Count(string html, string marker) => Regex.Count(html, Regex.Escape(marker));
}
