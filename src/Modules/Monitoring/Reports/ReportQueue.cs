using System.Threading.Channels;

namespace EduCloud.Monitoring.Reports;

/// <summary>The ids of report jobs waiting for the worker (in memory; the job rows are the truth and are re-queued at start).</summary>
internal sealed class ReportQueue
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => _jobs.Writer.TryWrite(jobId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _jobs.Reader.ReadAllAsync(ct);
}
