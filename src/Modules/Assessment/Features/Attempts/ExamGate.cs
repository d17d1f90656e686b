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
/// and queues the rest in arrival order, so a burst is served a little later instead of failing; only a queue beyond
/// <c>Assessment:ExamQueue</c> (default 20,000) is refused, with 503 and Retry-After.
/// <para>
/// Two lanes: starts (<c>Assessment:ExamConcurrency</c>, default 24) and answers with submissions
/// (<c>Assessment:ExamAnswerConcurrency</c>, default 16). With one lane an answer given during the start burst waited
/// behind every start queued before it, up to the starts' own 1-2 s (the answers' p95 tail, measured in session 10).
/// Answers are short (one attempt, one row), so their own lane drains at once. Both lanes together (40) plus the
/// scope loads (16) stay under the module contexts' pool of 60.
/// </para>
/// </summary>
internal sealed class ExamGate(IConfiguration configuration) : IDisposable
{
    private readonly ConcurrencyLimiter _starts = Lane(configuration.GetValue("Assessment:ExamConcurrency", 24), configuration);
    private readonly ConcurrencyLimiter _answers = Lane(configuration.GetValue("Assessment:ExamAnswerConcurrency", 16), configuration);

    public enum Kind { Start, Answer }

    public async ValueTask<RateLimitLease> EnterAsync(Kind kind, CancellationToken ct) => await (kind == Kind.Start ? _starts : _answers).AcquireAsync(1, ct);

    public void Dispose()
    {
        _starts.Dispose();
        _answers.Dispose();
    }

    private static ConcurrencyLimiter Lane(int permits, IConfiguration configuration) => new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, permits),
        QueueLimit = Math.Max(0, configuration.GetValue("Assessment:ExamQueue", 20_000)),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
}

internal static class ExamGateFilter
{
    /// <summary>Runs the endpoint inside the exam gate's lane for <paramref name="kind"/>.</summary>
    public static TBuilder ThroughExamGate<TBuilder>(this TBuilder builder, ExamGate.Kind kind) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var gate = context.HttpContext.RequestServices.GetRequiredService<ExamGate>();
            using var lease = await gate.EnterAsync(kind, context.HttpContext.RequestAborted);
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
