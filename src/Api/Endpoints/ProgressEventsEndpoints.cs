using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Orleans.Render.Api.Http;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// <c>GET /v2/progress/{token}/events</c>: the token's progress as Server-Sent Events. Each change of what the polling
/// endpoint and <c>GET /v2/upload/{token}</c> would answer is one <c>event: progress</c>; when the render and every
/// upload task have ended (or the token is deleted or expires) one <c>event: end</c> follows and the stream closes.
/// </summary>
/// <remarks>
/// The endpoint reads the job and upload grains every <see cref="PollInterval"/> rather than subscribing to them: the
/// grains keep their progress in memory and have no observers or streams to publish it, a read is a cheap local call,
/// and a job that moves to another silo after a failure is simply read there on the next poll, with no subscription
/// to re-establish.
/// </remarks>
public static class ProgressEventsEndpoints
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A comment line this often keeps proxies from closing a quiet stream (a queued or never-started token).</summary>
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Mapped in <see cref="RenderEndpoints"/>' group, so the stream has the same CORS and access rules as the polling endpoint.</summary>
    internal static async Task StreamAsync(string token, HttpContext http, IClusterClient client, GrainCallRetry retry, ILoggerFactory loggers)
    {
        var (job, missing) = await RenderEndpoints.FindJobAsync(client, retry, token);
        if (missing is not null)
        {
            await missing.ExecuteAsync(http);
            return;
        }

        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(http.RequestAborted);

        var cancellation = http.RequestAborted;
        string? last = null;
        var lastWrite = DateTime.UtcNow;
        var id = 0;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var info = await retry.ReadAsync(() => job!.GetInfoAsync(), cancellation);
                if (info is null or { Cancelled: true } or { Expired: true })
                {
                    await WriteAsync(response, ++id, "end", new ProgressEnd(token, info is { Expired: true } ? "expired" : "cancelled"), cancellation);
                    return;
                }

                var progress = await retry.ReadAsync(() => job!.GetProgressAsync(), cancellation);
                var segments = await retry.ReadAsync(() => job!.GetSegmentsAsync(), cancellation);
                var uploadGrains = await UploadEndpoints.UploadsOfAsync(client, retry, token);
                var uploads = await Task.WhenAll(uploadGrains.Select(grain => retry.ReadAsync(grain.GetInfoAsync, cancellation)));
                var current = ProgressEvent.From(token, progress, segments, uploads.OfType<Models.Uploads.UploadInfo>());
                var data = JsonSerializer.Serialize(current, Json);
                if (data != last)
                {
                    await WriteJsonAsync(response, ++id, "progress", data, cancellation);
                    (last, lastWrite) = (data, DateTime.UtcNow);
                }
                else if (DateTime.UtcNow - lastWrite >= KeepAliveInterval)
                {
                    await WriteLinesAsync(response, ": keep-alive\n\n", cancellation);
                    lastWrite = DateTime.UtcNow;
                }

                if (current.IsFinal)
                {
                    await WriteAsync(response, ++id, "end", new ProgressEnd(token, current.Status), cancellation);
                    return;
                }

                await Task.Delay(PollInterval, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away: nothing to tell anyone.
        }
        catch (Exception ex) when (GrainCallRetry.IsLostCall(ex, retryTimeouts: true))
        {
            // The headers are sent, so the error shape travels as the last event instead of a status code.
            loggers.CreateLogger(typeof(ProgressEventsEndpoints)).LogWarning("Progress events of {Token} stopped: {Error}", token, ex.Message);
            await WriteAsync(response, ++id, "end", new ProgressEnd(token, "unknown", "cluster_unavailable", "No render silo is reachable right now; reconnect shortly."), CancellationToken.None);
        }
    }

    private static Task WriteAsync(HttpResponse response, int id, string name, object data, CancellationToken cancellation) =>
        WriteJsonAsync(response, id, name, JsonSerializer.Serialize(data, data.GetType(), Json), cancellation);

    private static Task WriteJsonAsync(HttpResponse response, int id, string name, string json, CancellationToken cancellation) =>
        WriteLinesAsync(response, $"id: {id}\nevent: {name}\ndata: {json}\n\n", cancellation);

    private static async Task WriteLinesAsync(HttpResponse response, string text, CancellationToken cancellation)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
