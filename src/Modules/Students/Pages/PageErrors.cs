using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Http;

namespace EduCloud.Students.Pages;

/// <summary>Turns the errors a handler throws into "field: message" lines a page shows, and reads plain form fields.</summary>
internal static class PageErrors
{
    public static List<(string Field, string Message)>? From(Exception e) => e switch
    {
        ValidationFailedException v => v.Errors.SelectMany(x => x.Value.Select(m => (x.Key, m))).ToList(),
        ConflictException c => [(c.Field, c.Message)],
        ForbiddenException f => [("", f.Message)],
        NotFoundException n => [("", n.Message)],
        _ => null,
    };

    public static string? Field(this HttpContext? http, string name) =>
        http?.Request.HasFormContentType == true && http.Request.Form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

    public static DateOnly? Date(this HttpContext? http, string name) => DateOnly.TryParse(http.Field(name), out var d) ? d : null;

    public static Guid? Id(this HttpContext? http, string name) => Guid.TryParse(http.Field(name), out var g) ? g : null;

    public static int? Int(this HttpContext? http, string name) => int.TryParse(http.Field(name), out var i) ? i : null;
}
