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

    /// <summary>The token's facts, or null for a token that was never created or was deleted.</summary>
    [Alias("info")]
    Task<JobInfo?> GetInfoAsync();

    /// <summary>Renders the output unless it is already stored, and waits for it.</summary>
    [Alias("render"), ResponseTimeout("01:00:00")]
    Task<OutputResult> RenderAsync(OutputRequest output);

    /// <summary>Starts rendering the output in the background and returns at once.</summary>
    [Alias("start")]
    Task StartAsync(OutputRequest output);

    [Alias("progress")]
    Task<RenderProgress> GetProgressAsync();

    /// <summary>Cancels running renders, deletes every output and forgets the token.</summary>
    [Alias("delete")]
    Task<bool> DeleteAsync();

    /// <summary>The segments of the output last asked for and the silo this job runs on, for operators and tests.</summary>
    [Alias("segments")]
    Task<JobSegments> GetSegmentsAsync();

    /// <summary>A segment's frames done so far and the silo rendering it.</summary>
    [Alias("report-progress"), OneWay]
    Task ReportProgressAsync(string outputKey, int segment, int framesDone, string silo);
}
