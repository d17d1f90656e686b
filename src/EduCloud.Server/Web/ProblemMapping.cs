using EduCloud.Kernel.Audit;
using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static EduCloud.Kernel.Localization.Texts;

namespace EduCloud.Server.Web;

/// <summary>
/// The one place domain errors become HTTP answers: ProblemDetails with field errors, a trace ID, and
/// no internals, in the request's language (Chinese unless ?culture=en or the language cookie says otherwise).
/// 400 for bad input, 403 outside scope, 404 unknown, 409 conflicts.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var details = exception switch
        {
            ValidationFailedException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value.Select(T).ToArray())) { Status = 400, Title = T("输入有误") },
            ConflictException c => new ValidationProblemDetails(new Dictionary<string, string[]> { [c.Field] = [T(c.Message)] }) { Status = 409, Title = T("与现有数据冲突") },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = T(f.Message) },
            NotFoundException n => new ProblemDetails { Status = 404, Title = T(n.Message) },
            BadHttpRequestException { InnerException: System.Text.Json.JsonException j } => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [string.IsNullOrEmpty(j.Path) || j.Path == "$" ? "body" : j.Path.TrimStart('$', '.')] = [T("JSON 格式或字段类型有误")],
            }) { Status = 400, Title = T("请求格式有误") },
            BadHttpRequestException b => new ProblemDetails { Status = 400, Title = T("请求格式有误"), Detail = b.Message },
            DbUpdateException => new ProblemDetails { Status = 409, Title = T("数据冲突，请刷新后重试") },
            _ => null,
        };
        if (details is null)
        {
            // Log the type and trace only: messages may carry user input, and user input may be personal data.
            logger.LogError("Unhandled {ExceptionType} at {Path}", exception.GetType().Name, context.Request.Path);
            return false;
        }
        if (exception is NotFoundException && !HttpMethods.IsGet(context.Request.Method) && context.User.Identity?.IsAuthenticated == true)
        {
            // A change aimed at a record the caller cannot see is answered 404 (it does not reveal that the
            // record exists) but is still an attempt outside their scope, so it is audited like a 403.
            // AuditTrail keeps only the tail of a long path as the entity id, so the details keep it whole.
            var path = context.Request.Path.Value ?? "";
            await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(AuditActions.Denied, "request",
                path, AuditOutcome.Denied, $"{context.Request.Method} {path} not found in scope", ct: ct);
        }
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
