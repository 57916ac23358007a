using Orleans.Concurrency;
using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>
/// One render token (key = the token). Holds the request and the movies it snapshotted, renders each requested output
/// once (concurrent requests for the same output share the render) and keeps what came out until the token expires.
/// </summary>
[Alias("render.v1.IRenderJobGrain")]
public interface IRenderJobGrain : IGrainWithStringKey
{
    /// <summary>Stores the request and the movies it names; returns the token's facts.</summary>
    [Alias("create")]
    Task<JobInfo> CreateAsync(RenderRequest request, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive);

    /// <summary>
    /// <see cref="CreateAsync"/> for a token the caller derived rather than drew at random (v1 direct renders): reads
    /// the token's state first, so an existing token is kept as it is. Its facts say whether it is still live.
    /// </summary>
    [Alias("open")]
    Task<JobInfo> OpenAsync(RenderRequest request, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive);

    /// <summary>
    /// Creates the token and queues its first output in one step, or creates nothing when the project's queue is full:
    /// what an async render request does.
    /// </summary>
    [Alias("submit")]
    Task<SubmitResult> SubmitAsync(RenderRequest request, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive, OutputRequest output);

    /// <summary>The token's facts (cancelled once deleted), or null for a token that was never created.</summary>
    [Alias("info")]
    Task<JobInfo?> GetInfoAsync();

    /// <summary>
    /// Renders the output unless it is already stored, and waits for it; a render still queued after
    /// <c>Render:Queue:BlockingWait</c> answers <see cref="OutputStatus.Queued"/> with <c>queue_timeout</c> and goes on.
    /// </summary>
    [Alias("render"), ResponseTimeout("01:00:00")]
    Task<OutputResult> RenderAsync(OutputRequest output);

    /// <summary>Starts rendering the output in the background and returns at once.</summary>
    [Alias("start")]
    Task StartAsync(OutputRequest output);

    /// <summary>The request and movies of a live token; null once it is unknown, deleted or expired.</summary>
    [Alias("source")]
    Task<TokenSource?> GetSourceAsync();

    [Alias("progress")]
    Task<RenderProgress> GetProgressAsync();

    /// <summary>The token's time is up (its expiry bucket says so): cancels its renders and forgets its outputs; it answers "expired" from then on.</summary>
    [Alias("expire")]
    Task ExpireAsync();

    /// <summary>Cancels running renders, deletes every output and forgets the token.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync();

    /// <summary>The segments of the output last asked for and the silo this job runs on, for operators and tests.</summary>
    [Alias("segments")]
    Task<JobSegments> GetSegmentsAsync();

    /// <summary>
    /// The pool's queue gives the output a slot, or checks that a running output still holds it: true while the job
    /// renders it (a job whose silo died resumes here), false when the output no longer needs the slot.
    /// </summary>
    [Alias("admit")]
    Task<bool> AdmitAsync(string outputKey);

    /// <summary>A segment's frames done so far and the silo rendering it.</summary>
    [Alias("report-progress"), OneWay]
    Task ReportProgressAsync(string outputKey, int segment, int framesDone, string silo);
}
