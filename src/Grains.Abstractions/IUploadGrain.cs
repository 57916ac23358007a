using Orleans.Concurrency;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render;

/// <summary>
/// One upload task of a token (key <c>{token}/{index}</c>, see <see cref="UploadJob.KeyOf"/>). Renders the output,
/// sends it to the destination with retries and backoff, then calls <c>onsuccess</c> or <c>onerror</c> once. Its state
/// is persisted and a reminder resumes it on another silo when its silo dies.
/// </summary>
[Alias("render.v1.IUploadGrain")]
public interface IUploadGrain : IGrainWithStringKey
{
    /// <summary>Stores the job and starts it; a second call for the same key changes nothing. Returns where it stands.</summary>
    [Alias("start")]
    Task<UploadInfo> StartAsync(UploadJob job);

    /// <summary>Waits until the upload has succeeded or failed for good.</summary>
    [Alias("wait"), ResponseTimeout("02:00:00")]
    Task<UploadInfo> WaitAsync();

    /// <summary>Where the upload stands, or null when there is no such upload.</summary>
    [Alias("info")]
    Task<UploadInfo?> GetInfoAsync();

    /// <summary>
    /// Stops the upload for good unless it has already ended: no further attempt, no callback, its credentials
    /// forgotten; an attempt under way is cut off. Returns where it stands, or null when there is no such upload.
    /// </summary>
    [Alias("cancel")]
    Task<UploadInfo?> CancelAsync();

    /// <summary>The project's slot grain granted this upload a slot: go on now rather than at the next reminder tick.</summary>
    [Alias("wake"), OneWay]
    Task WakeAsync();
}
