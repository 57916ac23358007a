namespace Orleans.Render.Models.Uploads;

/// <summary>
/// What <c>GET /v2/upload/{token}</c> tells about one upload: never a credential. When the upload failed because its
/// render failed, <see cref="RenderError"/> and <see cref="IsRenderInputError"/> are the render's own error code and
/// whether it was the caller's mistake, so a sync request can answer like a render without an upload would.
/// </summary>
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
    [property: Id(12)] string Silo,
    [property: Id(13)] string? RenderError = null,
    [property: Id(14)] bool IsRenderInputError = false,
    [property: Id(15)] IReadOnlyList<CallbackDelivery>? Deliveries = null)
{
    public bool HasEnded => Status is UploadStatus.Succeeded or UploadStatus.Failed or UploadStatus.Cancelled;
}
