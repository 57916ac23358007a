namespace Orleans.Render.Client;

/// <summary>
/// Where a token's render stands: <c>GET /v2/progress/{token}</c> (then <see cref="Segments"/> and <see cref="Uploads"/>
/// are empty) or one event of <c>GET /v2/progress/{token}/events</c>.
/// </summary>
public sealed record RenderProgress(
    string Token,
    int Done,
    int Total,
    RenderStatus Status,
    int? Position,
    int Reused,
    IReadOnlyList<ProgressSegment>? Segments = null,
    IReadOnlyList<ProgressUpload>? Uploads = null)
{
    /// <summary>Whether nothing more will change: the render ended (or the token is gone) and so did every upload task.</summary>
    public bool IsFinal => Status is RenderStatus.Done or RenderStatus.Failed or RenderStatus.Cancelled or RenderStatus.Expired
        && (Uploads ?? []).All(u => u.State is UploadState.Succeeded or UploadState.Failed or UploadState.Cancelled);
}

/// <summary>One segment of the output being rendered: frames <see cref="StartFrame"/> to <see cref="EndFrame"/> (exclusive).</summary>
public sealed record ProgressSegment(int Index, int StartFrame, int EndFrame, RenderStatus Status, int Attempts);

/// <summary>One upload task of the token, in short (<see cref="UploadReport"/> has every field).</summary>
public sealed record ProgressUpload(int Index, string Type, string Extension, UploadState State, int Attempts, string? Result, string? LastError);

public enum RenderStatus
{
    Pending,
    Queued,
    Rendering,
    Done,
    Failed,
    Cancelled,

    /// <summary>Only at the end of a progress stream: the token expired while it was watched.</summary>
    Expired,
}
