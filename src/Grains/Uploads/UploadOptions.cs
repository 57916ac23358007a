using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Grains.Uploads;

/// <summary>Bound from <c>Uploads</c>: retries, backoff, project slots, multipart and chunk sizes, the video services' base URLs.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Attempts (render and send) before an upload fails for good and <c>onerror</c> is called.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles after each further one, up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often the reminder of an unfinished upload fires; it resumes uploads whose silo died. Orleans refuses periods
    /// under <c>ReminderOptions.MinimumReminderPeriod</c> (one minute by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt (render plus transfer) may take before it is abandoned and counted as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Async uploads of one project that run at once; more wait in a queue (impossible.io allows 5).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentPerProject { get; set; } = 5;

    /// <summary>Attempts to call <c>onsuccess</c> / <c>onerror</c> when the receiver is unreachable or answers 5xx.</summary>
    [Range(1, 20)]
    public int CallbackAttempts { get; set; } = 3;

    /// <summary>Files this large or larger go to S3 as a multipart upload, whose finished parts survive a failed attempt.</summary>
    [Range(1024L, long.MaxValue)]
    public long S3MultipartThreshold { get; set; } = 16L * 1024 * 1024;

    /// <summary>The size of an S3 part (AWS wants at least 5 MiB for every part but the last).</summary>
    [Range(1024L, 5L * 1024 * 1024 * 1024)]
    public long S3PartSize { get; set; } = 8L * 1024 * 1024;

    /// <summary>Bytes per PUT of a YouTube resumable upload (YouTube wants a multiple of 256 KiB).</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int YouTubeChunkSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Bytes per transfer request of a Facebook resumable video upload.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int FacebookChunkSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Bytes per Dropbox request; larger files go through an upload session (Dropbox takes at most 150 MB per request).</summary>
    [Range(1024, 150 * 1024 * 1024)]
    public int DropboxChunkSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>The YouTube Data API; tests point it at a local server (which must then be in <c>RemoteMedia:AllowedEndpoints</c>).</summary>
    [Required, Url]
    public string YouTubeBaseUrl { get; set; } = "https://www.googleapis.com";

    /// <summary>The Graph API host for video uploads, with its version.</summary>
    [Required, Url]
    public string FacebookBaseUrl { get; set; } = "https://graph-video.facebook.com/v21.0";

    /// <summary>Dropbox's content API host.</summary>
    [Required, Url]
    public string DropboxBaseUrl { get; set; } = "https://content.dropboxapi.com";

    public TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait < MaxBackoff ? wait : MaxBackoff;
    }
}
