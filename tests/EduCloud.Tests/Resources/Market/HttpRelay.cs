using System.Net;
using System.Net.Sockets;

namespace EduCloud.Tests.Resources.Market;

/// <summary>
/// A real HTTP listener on a free localhost port that forwards GET and POST requests to the test server's client
/// and copies the answers back, so a program outside this process (the Perl OAI-PMH harvester) can talk HTTP to
/// the server that the factory hosts in memory.
/// </summary>
internal sealed class HttpRelay : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _target;
    private readonly CancellationTokenSource _stop = new();

    public HttpRelay(HttpClient target)
    {
        _target = target;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public int Requests;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            Interlocked.Increment(ref Requests);
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url!.PathAndQuery);
                if (context.Request.HasEntityBody)
                {
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    request.Content = new ByteArrayContent(body.ToArray());
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
                }
                using var response = await _target.SendAsync(request);
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
                var bytes = await response.Content.ReadAsByteArrayAsync();
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            catch (HttpRequestException)
            {
                context.Response.StatusCode = 502;
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
