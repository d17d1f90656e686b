using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EduCloud.Assessment.Features.Attempts;

/// <summary>
/// 考试开考 gate: when a whole grade starts one self-test in the same minute, each start, answer and submission needs a few
/// database round trips through several modules' contexts. Let through at once, thousands of them exhaust the
/// connection pool and fail with 500 (measured: 1,998 of 2,000 starts, session 6). The gate lets a bounded number run
/// (<c>Assessment:ExamConcurrency</c>, default 32, well under the pool's 100) and queues the rest in arrival order, so a
/// burst is served a little later instead of failing; only a queue beyond <c>Assessment:ExamQueue</c> (default 20,000)
/// is refused, with 503 and Retry-After.
/// </summary>
internal sealed class ExamGate(IConfiguration configuration) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, configuration.GetValue("Assessment:ExamConcurrency", 32)),
        QueueLimit = Math.Max(0, configuration.GetValue("Assessment:ExamQueue", 20_000)),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async ValueTask<RateLimitLease> EnterAsync(CancellationToken ct) => await _limiter.AcquireAsync(1, ct);

    public void Dispose() => _limiter.Dispose();
}

internal static class ExamGateFilter
{
    /// <summary>Runs the endpoint inside the exam gate.</summary>
    public static TBuilder ThroughExamGate<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var gate = context.HttpContext.RequestServices.GetRequiredService<ExamGate>();
            using var lease = await gate.EnterAsync(context.HttpContext.RequestAborted);
            if (!lease.IsAcquired)
            {
                context.HttpContext.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "同时作答的人数过多，请稍后重试");
            }
            return await next(context);
        });
        return builder;
    }
}
