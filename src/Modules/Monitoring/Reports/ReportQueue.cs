using System.Threading.Channels;

namespace EduCloud.Monitoring.Reports;

/// <summary>
/// Wakes this server's report worker when a job is requested here. The job rows are the queue: the worker claims them
/// from the database, so jobs requested on other servers are found by polling (ReportOptions.PollSeconds).
/// </summary>
internal sealed class ReportQueue
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(Guid jobId) => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
