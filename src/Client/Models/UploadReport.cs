namespace Orleans.Render.Client;

/// <summary><c>GET /v2/upload/{token}</c>: the token's upload tasks in task order.</summary>
public sealed record UploadReport(string Token, IReadOnlyList<UploadTaskStatus> Uploads);

/// <summary>Where one upload task stands; <see cref="Result"/> is the destination's answer (object URL, video id, …).</summary>
public sealed record UploadTaskStatus(
    int Index,
    string Type,
    string Extension,
    bool Async,
    UploadState State,
    bool Queued,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    string? Result,
    string Callback);

public enum UploadState
{
    Pending,
    Uploading,
    Succeeded,
    Failed,
    Cancelled,
}
