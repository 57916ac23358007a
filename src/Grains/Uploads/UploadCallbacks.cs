using Microsoft.Extensions.Logging;
using Orleans.Render.Models.Uploads;
using Orleans.Render.Rendering;

namespace Orleans.Render.Grains.Uploads;

/// <summary>Calls an <c>onsuccess</c> / <c>onerror</c> URL: a GET with <c>msg</c> (the result or the error) added to its query.</summary>
public sealed class UploadCallbacks(UploadHttp http, ILogger<UploadCallbacks> logger)
{
    /// <summary>
    /// One callback attempt of an ended upload. Marks the call under way (and counts it) before making it: a crash
    /// during the call leaves it <c>Unconfirmed</c> and it is not repeated, so a receiver never hears twice. An answer
    /// that says nobody got it (no connection, 5xx) leaves it pending until the policy's next attempt.
    /// </summary>
    public async Task CallBackAsync(UploadState state, UploadRetryPolicy retries, Func<Task> save)
    {
        var (job, succeeded) = (state.Job!, state.Status == UploadStatus.Succeeded);
        var url = succeeded ? job.Task.OnSuccess! : job.Task.OnError!;
        var message = succeeded ? state.Result ?? "" : state.LastError ?? "The upload failed.";
        bool delivered;
        try
        {
            state.Callback = CallbackStatus.Unconfirmed;
            state.CallbackAttempts++;
            await save();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            delivered = await CallAsync(url, message, timeout.Token);
        }
        catch (UploadFailedException ex)
        {
            logger.LogWarning("Upload {Upload} callback refused: {Error}", job.Key, ex.Message);
            state.Callback = CallbackStatus.Failed;
            await save();
            return;
        }

        var (callback, retryAfter) = retries.AfterCallback(delivered, state.CallbackAttempts);
        (state.Callback, state.NextAttemptAt) = (callback, DateTimeOffset.UtcNow + retryAfter);
        await save();
        logger.LogInformation("Upload {Upload} {Which} callback: {Callback}", job.Key, succeeded ? "success" : "error", callback);
    }

    public static Uri WithMessage(string url, string message)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var bare = fragment < 0 ? url : url[..fragment];
        return new Uri($"{bare}{separator}msg={Uri.EscapeDataString(message)}");
    }

    /// <summary>
    /// True once the receiver answered 2xx. False when another try may help (no connection, 5xx, a timeout);
    /// throws <see cref="UploadFailedException"/> when it cannot (refused address, 4xx).
    /// </summary>
    public async Task<bool> CallAsync(string url, string message, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.Client.GetAsync(WithMessage(url, message), cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                || (UploadFailedException.IsPermanentStatus(status)
                    ? throw new UploadFailedException($"The callback answered HTTP {status}.", permanent: true)
                    : false);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            throw new UploadFailedException(refusal.Message, permanent: true, ex);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    internal static RenderInputException? FindRefusal(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is RenderInputException { Code: "url_refused" } refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
