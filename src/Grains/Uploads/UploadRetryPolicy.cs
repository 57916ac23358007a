using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>What a failed attempt or callback leads to: the error to keep and when to try again, from <see cref="UploadOptions"/>.</summary>
public sealed class UploadRetryPolicy(UploadOptions options)
{
    /// <summary>The error to keep, and the wait before the next attempt: null when the upload fails for good.</summary>
    public (string Message, TimeSpan? RetryAfter) AfterFailedAttempt(Exception ex, bool timedOut, int attempts)
    {
        var (message, permanent) = ex switch
        {
            UploadFailedException failed => (failed.Message, failed.Permanent),
            _ when UploadCallbacks.FindRefusal(ex) is { } refusal => (refusal.Message, true),
            OperationCanceledException when timedOut => ($"The attempt took longer than {options.AttemptTimeout}.", false),
            HttpRequestException http => ($"The destination could not be reached: {http.Message}", false),
            _ => ($"{ex.GetType().Name}: {ex.Message}", false),
        };
        return (message, permanent || attempts >= options.MaxAttempts ? null : options.BackoffAfter(attempts));
    }

    /// <summary>Where a callback stands after an attempt that did or did not reach its receiver, and the wait before the next one.</summary>
    public (CallbackStatus Status, TimeSpan? RetryAfter) AfterCallback(bool delivered, int attempts) =>
        delivered ? (CallbackStatus.Sent, null)
        : attempts >= options.CallbackAttempts ? (CallbackStatus.Failed, null)
        : (CallbackStatus.Pending, options.BackoffAfter(attempts));
}
