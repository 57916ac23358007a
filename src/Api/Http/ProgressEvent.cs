using System.Text.Json.Serialization;
using Orleans.Render.Models;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http;

/// <summary>
/// The data of one <c>event: progress</c> of <c>GET /v2/progress/{token}/events</c>: the fields of the polling body
/// (<c>GET /v2/progress/{token}</c>) plus the current output's segments and the token's upload tasks.
/// </summary>
public sealed record ProgressEvent(
    string Token,
    int Done,
    int Total,
    string Status,
    int? Position,
    int Reused,
    IReadOnlyList<ProgressEvent.Segment> Segments,
    IReadOnlyList<ProgressEvent.Upload> Uploads)
{
    /// <summary>Whether the stream has nothing more to tell: the render ended and so did every upload task.</summary>
    public bool IsFinal => Status is "done" or "failed" or "cancelled" && Uploads.All(u => u.State is "succeeded" or "failed" or "cancelled");

    public static ProgressEvent From(string token, RenderProgress progress, JobSegments segments, IEnumerable<UploadInfo> uploads) => new(
        token,
        progress.Done,
        progress.Total,
        Lower(progress.Status),
        progress.Status == OutputStatus.Queued ? progress.Position : null,
        progress.Reused,
        [.. segments.Segments.Select(s => new Segment(s.Index, s.StartFrame, s.EndFrame, Lower(s.Status), s.Attempts))],
        [.. uploads.Select(u => new Upload(u.Index, u.Type, u.Extension, Lower(u.Status), u.Attempts, u.Result, u.LastError))]);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>One segment of the output being rendered: its frames (end exclusive), state and attempts so far.</summary>
    public sealed record Segment(int Index, int StartFrame, int EndFrame, string Status, int Attempts);

    /// <summary>One upload task as <c>GET /v2/upload/{token}</c> lists it, in short.</summary>
    public sealed record Upload(int Index, string Type, string Extension, string State, int Attempts, string? Result, string? LastError);
}

/// <summary>The data of the last event, <c>event: end</c>: how the token ended (<c>done</c>, <c>failed</c>, <c>cancelled</c>, <c>expired</c>), or why the stream stopped early.</summary>
public sealed record ProgressEnd(
    string Token,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);
