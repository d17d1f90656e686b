using EduCloud.Assessment.Data;
using EduCloud.Assessment.Domain;
using EduCloud.Assessment.Features.Attempts;
using EduCloud.Assessment.Features.Qti;
using EduCloud.Kernel.Errors;
using EduCloud.Organization.Contracts;
using EduCloud.Records.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

using static EduCloud.Kernel.Web.PageRedirect;

namespace EduCloud.Assessment.Features;

/// <summary>
/// The plain HTML forms of the self-test pages post here (antiforgery-checked, cookie session): start, save or submit
/// all answers of the one-page attempt form, mark a short answer, import QTI. Each runs the API's handler and
/// redirects back with the outcome, so the pages need no script.
/// </summary>
internal static class PageActions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/assess/actions").RequireAuthorization().ExcludeFromDescription();
        group.MapPost("/start", async ([AsParameters] StartAttempt.Services s, [FromForm] Guid quizId, CancellationToken ct) =>
            await RedirectAsync($"/assess/quizzes/{quizId}/attempt", async () => { await StartAttempt.HandleAsync(s, quizId, ct); return $"/assess/quizzes/{quizId}/attempt"; })).ThroughExamGate(ExamGate.Kind.Start);
        group.MapPost("/answers", async (AssessmentDbContext db, ILearningRecords records, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync(ct);
            var attemptId = Guid.TryParse(form["attemptId"], out var id) ? id : Guid.Empty;
            var quizId = Guid.TryParse(form["quizId"], out var q) ? q : Guid.Empty;
            return await RedirectAsync($"/assess/quizzes/{quizId}/attempt", async () =>
            {
                await SaveAllAsync(db, clock, attemptId, form, ct);
                if (form["do"] == "submit")
                {
                    await SubmitAttempt.HandleAsync(db, records, clock, attemptId, ct);
                    return $"/assess/attempts/{attemptId}";
                }
                return $"/assess/quizzes/{quizId}/attempt?saved=1";
            });
        }).ThroughExamGate(ExamGate.Kind.Answer);
        group.MapPost("/mark", async (AssessmentDbContext db, ILearningRecords records, TimeProvider clock, [FromForm] Guid attemptId, [FromForm] Guid quizItemId,
            [FromForm] string? score, [FromForm] string? comment, CancellationToken ct) =>
            await RedirectAsync($"/assess/attempts/{attemptId}", async () =>
            {
                var value = decimal.TryParse(score, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
                await MarkAnswer.HandleAsync(db, records, clock, attemptId, quizItemId, new MarkAnswer.Request(value, comment), ct);
                return $"/assess/attempts/{attemptId}?marked=1";
            }));
        group.MapPost("/import", async (AssessmentDbContext db, IOrganizationDirectory directory, TimeProvider clock, IFormFile? file, [FromForm] string? stageCode,
            [FromForm] string? subjectCode, CancellationToken ct) => await RedirectAsync("/assess/items", async () =>
            {
                var result = await ImportQti.EndpointAsync(db, directory, clock, file, stageCode, subjectCode, ct);
                return $"/assess/items?imported={result.Value!.Imported}";
            }));
    }

    /// <summary>Saves every item of the form whose answer changed (unchanged ones are not rewritten).</summary>
    private static async Task SaveAllAsync(AssessmentDbContext db, TimeProvider clock, Guid attemptId, IFormCollection form, CancellationToken ct)
    {
        var (attempt, quiz) = await AnswerItem.OpenAttemptAsync(db, clock, attemptId, ct);
        var saved = await db.Answers.AsNoTracking().Where(a => a.AttemptId == attemptId).ToDictionaryAsync(a => a.QuizItemId, a => a.Response, ct);
        foreach (var item in quiz.Items.OrderBy(i => i.Position))
        {
            var given = form["q:" + item.Id].Select(v => v ?? "").ToList();
            if (item.Kind == ItemKind.FillBlank && given.All(string.IsNullOrWhiteSpace))
            {
                given = [];
            }
            var response = AnswerItem.Check(item, given);
            var before = saved.GetValueOrDefault(item.Id) ?? [];
            if (!before.SequenceEqual(response) && !(before.Count == 0 && response.All(string.IsNullOrEmpty)))
            {
                await AnswerItem.SaveAsync(db, clock, attempt, item, response, ct);
            }
        }
    }

}
