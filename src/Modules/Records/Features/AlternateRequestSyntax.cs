using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace EduCloud.Records.Features;

/// <summary>
/// xAPI's alternate request syntax (Communication 1.3): POST /xapi/...?method=PUT with a form body whose fields are
/// the headers (Authorization, X-Experience-API-Version, Content-Type, If-Match...), the body (content) and the
/// parameters. Browsers that cannot send PUT or custom headers cross-origin use it. It is turned into the ordinary
/// request before authentication runs, so it goes through exactly the same checks; hence a startup filter.
/// </summary>
internal sealed class AlternateRequestSyntax : IStartupFilter
{
    private static readonly HashSet<string> HeaderFields = new(StringComparer.OrdinalIgnoreCase)
        { "Authorization", "X-Experience-API-Version", "Content-Type", "Content-Length", "If-Match", "If-None-Match" };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(RewriteAsync);
        next(app);
    };

    private static async Task RewriteAsync(HttpContext http, Func<Task> next)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/xapi") || !request.Query.ContainsKey("method"))
        {
            await next();
            return;
        }
        var method = request.Query["method"].ToString().ToUpperInvariant();
        if (request.Query.Count > 1 || method is not ("GET" or "PUT" or "POST" or "DELETE" or "HEAD") || !request.HasFormContentType)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.Headers["X-Experience-API-Version"] = XapiHttp.Version;
            await http.Response.WriteAsJsonAsync(new { error = "alternate request syntax: method=GET|PUT|POST|DELETE as the only parameter, and a form body" });
            return;
        }
        var form = await request.ReadFormAsync(http.RequestAborted);
        var query = new QueryBuilder();
        string? content = null;
        request.Headers.ContentType = StringValues.Empty;
        foreach (var (name, value) in form)
        {
            if (HeaderFields.Contains(name)) { request.Headers[name] = value; }
            else if (name.Equals("content", StringComparison.OrdinalIgnoreCase)) { content = value.ToString(); }
            else { query.Add(name, value.ToArray()!); }
        }
        var bytes = Encoding.UTF8.GetBytes(content ?? "");
        request.Method = method;
        request.QueryString = query.ToQueryString();
        request.Body = new MemoryStream(bytes);
        request.ContentLength = bytes.Length;
        if (content is not null && request.ContentType is null)
        {
            request.ContentType = "application/json";
        }
        await next();
    }
}
