namespace Orleans.Render.Models.Uploads;

[GenerateSerializer, Alias("render.v1.UploadStatus")]
public enum UploadStatus
{
    /// <summary>Waiting for its first attempt, its next attempt (backoff) or a free slot of the project.</summary>
    Pending,
    Uploading,
    Succeeded,
    Failed,

    /// <summary>Stopped because its token was deleted: no more attempts and no callback.</summary>
    Cancelled,
}
