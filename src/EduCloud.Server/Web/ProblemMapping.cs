using EduCloud.Kernel.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Server.Web;

/// <summary>
/// The one place domain errors become HTTP answers: ProblemDetails with field errors, a trace ID, and
/// no internals. 400 for bad input, 403 outside scope, 404 unknown, 409 conflicts.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var details = exception switch
        {
            ValidationFailedException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value)) { Status = 400, Title = "输入有误" },
            ConflictException c => new ValidationProblemDetails(new Dictionary<string, string[]> { [c.Field] = [c.Message] }) { Status = 409, Title = "与现有数据冲突" },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = f.Message },
            NotFoundException n => new ProblemDetails { Status = 404, Title = n.Message },
            BadHttpRequestException b => new ProblemDetails { Status = 400, Title = "请求格式有误", Detail = b.Message },
            DbUpdateException => new ProblemDetails { Status = 409, Title = "数据冲突，请刷新后重试" },
            _ => null,
        };
        if (details is null)
        {
            // Log the type and trace only: messages may carry user input, and user input may be personal data.
            logger.LogError("Unhandled {ExceptionType} at {Path}", exception.GetType().Name, context.Request.Path);
            return false;
        }
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }
}
