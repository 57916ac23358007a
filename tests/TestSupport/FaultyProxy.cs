using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orleans.Render.TestSupport;

/// <summary>
/// A loopback reverse proxy in front of a real server (e.g. s3rver) that answers 503 instead of forwarding the next
/// <see cref="FailCount"/> requests whose method, path and query contain <see cref="FailWhenContains"/>. The Host header
/// is passed through unchanged, so signed requests (AWS SigV4) still verify upstream.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(["Host", "Transfer-Encoding", "Connection", "Keep-Alive"], StringComparer.OrdinalIgnoreCase);

    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private int failCount;

    private FaultyProxy(WebApplication app, HttpClient upstream, int port)
    {
        this.app = app;
        this.upstream = upstream;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public string BaseUrl => $"http://{Endpoint}";

    public string? FailWhenContains { get; set; }

    public int FailCount
    {
        get => Volatile.Read(ref failCount);
        set => Volatile.Write(ref failCount, value);
    }

    /// <summary>Every request as <c>METHOD /path?query</c>, failed ones included.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FaultyProxy> StartAsync(string upstreamBaseUrl)
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var proxy = new FaultyProxy(app, new HttpClient { BaseAddress = new Uri(upstreamBaseUrl) }, port);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var incoming = context.Request;
        var line = $"{incoming.Method} {incoming.Path}{incoming.QueryString}";
        Requests.Enqueue(line);
        if (FailWhenContains is { } pattern && line.Contains(pattern, StringComparison.Ordinal) && Interlocked.Decrement(ref failCount) >= 0)
        {
            await incoming.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), $"{incoming.Path}{incoming.QueryString}")
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        foreach (var (name, values) in incoming.Headers)
        {
            if (!HopHeaders.Contains(name) && !request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        request.Headers.Host = incoming.Host.Value;
        using var response = await upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body);
    }
}
