namespace Orleans.Render.Models.Uploads;

/// <summary>What <c>GET /v2/upload/{token}</c> tells about one upload: never a credential.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.UploadInfo")]
public sealed record UploadInfo(
    [property: Id(0)] int Index,
    [property: Id(1)] int TaskCount,
    [property: Id(2)] string Type,
    [property: Id(3)] string Extension,
    [property: Id(4)] bool Async,
    [property: Id(5)] UploadStatus Status,
    [property: Id(6)] bool Queued,
    [property: Id(7)] int Attempts,
    [property: Id(8)] DateTimeOffset? NextAttemptAt,
    [property: Id(9)] string? LastError,
    [property: Id(10)] string? Result,
    [property: Id(11)] CallbackStatus Callback,
    [property: Id(12)] string Silo)
{
    public bool HasEnded => Status is UploadStatus.Succeeded or UploadStatus.Failed;
}
