using System.Net;
using System.Text.RegularExpressions;

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
        var token = TokenPattern().Match(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        token.Success.ShouldBeTrue("the page has no antiforgery token");
        var body = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>The page's text with character references decoded: the server's encoder writes Chinese as &amp;#x...; references.</summary>
    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static int Count(string html, string marker) => Regex.Count(html, Regex.Escape(marker));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
