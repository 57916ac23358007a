using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Orleans.Render.Conventions.Webhooks;
using Orleans.Render.Models.Uploads;
using Orleans.Render.Rendering;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// Calls an <c>onsuccess</c> / <c>onerror</c> URL, signed with the project's webhook secret (<see cref="WebhookSignature"/>):
/// a GET with <c>msg</c> (the result or the error) added to its query, or a POST with <see cref="CallbackBody"/> as JSON.
/// </summary>
public sealed class UploadCallbacks(UploadHttp http, IGrainFactory grains, ILogger<UploadCallbacks> logger)
{
    /// <summary>
    /// One callback attempt of an ended upload. Marks the call under way (and counts it) before making it: a crash
    /// during the call leaves it <c>Unconfirmed</c> and it is not repeated, so a receiver never hears twice. An answer
    /// that says nobody got it (no connection, 5xx) leaves it pending until the policy's next attempt. Each attempt
    /// that got as far as an answer or a refusal is listed in the state's deliveries.
    /// </summary>
    public async Task CallBackAsync(UploadState state, UploadRetryPolicy retries, Func<Task> save)
    {
        var (job, succeeded) = (state.Job!, state.Status == UploadStatus.Succeeded);
        var url = succeeded ? job.Task.OnSuccess! : job.Task.OnError!;
        var body = new CallbackBody(job.Token, job.Index, job.Task.Extension, succeeded ? "succeeded" : "failed",
            succeeded ? state.Result ?? "" : state.LastError ?? "The upload failed.");
        var secret = await grains.GetGrain<IWebhookSecretGrain>(job.Project).GetAsync();
        state.Callback = CallbackStatus.Unconfirmed;
        state.CallbackAttempts++;
        await save();

        CallbackAnswer answer;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            answer = await CallAsync(url, job.Task.CallbackMethod, body, secret, timeout.Token);
        }

        var (callback, retryAfter) = answer.Refusal is not null
            ? (CallbackStatus.Failed, null)
            : retries.AfterCallback(answer.Delivered, state.CallbackAttempts);
        (state.Callback, state.NextAttemptAt) = (callback, DateTimeOffset.UtcNow + retryAfter);
        state.Deliveries.Add(new CallbackDelivery(DateTimeOffset.UtcNow, state.CallbackAttempts, job.Task.CallbackMethod,
            answer.StatusCode, callback, answer.Refusal ?? answer.Error));
        await save();
        logger.LogInformation("Upload {Upload} {Which} callback: {Callback} {Error}", job.Key, succeeded ? "success" : "error", callback, answer.Refusal ?? answer.Error);
    }

    public static Uri WithMessage(string url, string message)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var bare = fragment < 0 ? url : url[..fragment];
        return new Uri($"{bare}{separator}msg={Uri.EscapeDataString(message)}");
    }

    /// <summary>
    /// One signed call. Delivered once the receiver answered 2xx; a refusal (an address the policy refuses, a 4xx)
    /// means no other try can help; anything else (no connection, 5xx, a timeout) may be tried again.
    /// </summary>
    public async Task<CallbackAnswer> CallAsync(string url, CallbackMethod method, CallbackBody body, string secret, CancellationToken cancellationToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = method == CallbackMethod.Post
            ? new HttpRequestMessage(HttpMethod.Post, StripFragment(url)) { Content = JsonContent.Create(body) }
            : new HttpRequestMessage(HttpMethod.Get, WithMessage(url, body.Msg));
        var payload = request.Content is null ? request.RequestUri!.PathAndQuery : await request.Content.ReadAsStringAsync(cancellationToken);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, timestamp, payload));
        try
        {
            using var response = await http.Client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new(true, status, null, null)
                : UploadFailedException.IsPermanentStatus(status) ? new(false, status, null, $"The callback answered HTTP {status}.")
                : new(false, status, $"The callback answered HTTP {status}.", null);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            return new(false, null, null, refusal.Message);
        }
        catch (HttpRequestException ex)
        {
            return new(false, null, $"The receiver could not be reached: {ex.Message}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, null, "The receiver did not answer in time.", null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new(false, null, "The receiver did not answer within 30 seconds.", null);
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

    private static Uri StripFragment(string url) => new(url.IndexOf('#', StringComparison.Ordinal) is var at and >= 0 ? url[..at] : url);
}
