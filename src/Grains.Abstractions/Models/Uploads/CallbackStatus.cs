namespace Orleans.Render.Models.Uploads;

/// <summary>Where the <c>onsuccess</c> / <c>onerror</c> call of an upload stands.</summary>
[GenerateSerializer, Alias("render.v1.CallbackStatus")]
public enum CallbackStatus
{
    /// <summary>The task named no URL for how it ended.</summary>
    None,

    /// <summary>The upload has not ended yet, or the call is waiting for another attempt.</summary>
    Pending,

    /// <summary>A call was under way when its silo stopped; it is not repeated, so a callback is never made twice.</summary>
    Unconfirmed,
    Sent,
    Failed,
}
