using System.Globalization;
using EduCloud.Assessment.Contracts;
using EduCloud.Homework.Data;
using EduCloud.Homework.Features.Assignments;
using EduCloud.Homework.Features.Marking;
using EduCloud.Homework.Features.Submissions;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Files;
using EduCloud.Organization.Contracts;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Homework.Features;

/// <summary>
/// The forms of the homework pages (cookie session, antiforgery token, multipart for files). Each runs the same handler
/// as the API and returns to its page with the outcome in the query string. Plain endpoints rather than Blazor forms
/// because static SSR forms do not bind uploaded files, and the follow page holds one small form per submission.
/// </summary>
internal static class PageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/homework/actions").RequireAuthorization().ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/set", SetAsync);
        group.MapPost("/submit", SubmitAsync);
        group.MapPost("/mark", MarkAsync);
        group.MapPost("/file-comment", (HomeworkDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var f = request.Form;
            return RunAsync($"/homework/{f["assignmentId"]}", "comment", () => CommentOnFile.HandleAsync(db, clock, Id(f["submissionId"]),
                new CommentOnFile.Request(Id(f["fileId"]), f["anchor"], f["text"]), ct));
        });
        group.MapPost("/close", (HomeworkDbContext db, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
            RunAsync($"/homework/{request.Form["assignmentId"]}", "close", () => ChangeAssignment.CloseAsync(db, clock, Id(request.Form["assignmentId"]), ct)));
        group.MapPost("/delete", async (HomeworkDbContext db, HttpRequest request, CancellationToken ct) =>
        {
            var id = Id(request.Form["assignmentId"]);
            return await RunAsync("/homework", "delete", async () => { await ChangeAssignment.DeleteAsync(db, id, ct); return id; }, $"/homework/{id}");
        });
    }

    private static async Task<IResult> SetAsync(HomeworkDbContext db, IOrganizationDirectory directory, IItemBank bank, FileIntake intake, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var f = await request.ReadFormAsync(ct);
        return await RunAsync("/homework", "set", async () =>
        {
            var files = await KeepAsync(db, intake, clock, f.Files.GetFiles("files"), ct);
            var rubric = (f["rubric"].ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split([',', '，'], 2)).Select(p => new CriterionInput(p[0], p.Length > 1 && double.TryParse(p[1], CultureInfo.InvariantCulture, out var v) ? v : 0)).ToList();
            return await SetAssignment.HandleAsync(db, directory, bank, clock, new SetAssignment.Request(f["classIds"].Select(Id).ToList(), f["title"], f["instructions"],
                f["subject"], double.TryParse(f["maxScore"], CultureInfo.InvariantCulture, out var max) ? max : null, ChinaTime(f["dueAt"]), f["deadline"], rubric, files,
                f["itemIds"].Select(Id).ToList()), ct);
        }, "/homework/new");
    }

    private static async Task<IResult> SubmitAsync(HomeworkDbContext db, IClassRoster roster, IItemBank bank, ILearningRecords records, ILoggerFactory logs, FileIntake intake,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var f = await request.ReadFormAsync(ct);
        var id = Id(f["assignmentId"]);
        return await RunAsync($"/homework/do/{id}", "submit", async () =>
        {
            var files = await KeepAsync(db, intake, clock, f.Files.GetFiles("files"), ct);
            // Each bank item's inputs are named "q:{itemId}" (one value per chosen option or per blank).
            var answers = f.Keys.Where(k => k.StartsWith("q:", StringComparison.Ordinal))
                .Select(k => new SubmitWork.ItemResponse(Id(k[2..]), f[k].Select(v => v ?? "").ToList())).ToList();
            return await SubmitWork.HandleAsync(db, roster, bank, records, logs.CreateLogger("Homework"), clock, id, f["key"], new SubmitWork.Request(f["text"], files, answers), ct);
        });
    }

    private static async Task<IResult> MarkAsync(HomeworkDbContext db, ILearningRecords records, ILoggerFactory logs, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var f = await request.ReadFormAsync(ct);
        var points = f.Keys.Where(k => k.StartsWith('p') && int.TryParse(k[1..], out _)).OrderBy(k => int.Parse(k[1..], CultureInfo.InvariantCulture))
            .Select(k => double.TryParse(f[k], CultureInfo.InvariantCulture, out var v) ? v : -1).ToList();
        var score = double.TryParse(f["score"], CultureInfo.InvariantCulture, out var s) ? s : (double?)null;
        return await RunAsync($"/homework/{f["assignmentId"]}", "mark", () => MarkSubmission.HandleAsync(db, records, logs.CreateLogger("Homework"), clock,
            Id(f["submissionId"]), new MarkSubmission.Request(f["decision"], points.Count > 0 ? null : score, points.Count > 0 ? points : null, f["comment"]), ct));
    }

    private static async Task<List<Guid>> KeepAsync(HomeworkDbContext db, FileIntake intake, TimeProvider clock, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var file in files.Where(x => x.Length > 0 || x.FileName.Length > 0))
        {
            await using var stream = file.OpenReadStream();
            ids.Add((await UploadFile.HandleAsync(db, intake, clock, "files", file.FileName, stream, ct)).Id);
        }
        return ids;
    }

    /// <summary>A datetime-local field, read as China time (UTC+8), the time the teacher sees on the wall.</summary>
    private static DateTimeOffset? ChinaTime(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? new DateTimeOffset(local, TimeSpan.FromHours(8)) : null;

    private static Guid Id(string? value) => Guid.TryParse(value, out var id) ? id : Guid.Empty;

}
