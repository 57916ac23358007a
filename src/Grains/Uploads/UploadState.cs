using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

[GenerateSerializer, Alias("render.v1.UploadState")]
public sealed class UploadState
{
    /// <summary>The job; its destination loses its credentials once the upload has ended.</summary>
    [Id(0)] public UploadJob? Job { get; set; }

    [Id(1)] public UploadStatus Status { get; set; }

    /// <summary>Attempts started, counted before each one begins, so one cut short by a crash counts too.</summary>
    [Id(2)] public int Attempts { get; set; }

    [Id(3)] public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The destination's answer: object URL, blob URL, video id, HTTP location or status.</summary>
    [Id(4)] public string? Result { get; set; }

    [Id(5)] public string? LastError { get; set; }

    /// <summary>The destination's resumable session (see <see cref="UploadSession"/>); cleared when the upload ends.</summary>
    [Id(6)] public string? Session { get; set; }

    /// <summary>Whether this (async) upload holds one of its project's slots.</summary>
    [Id(7)] public bool HoldsSlot { get; set; }

    /// <summary>Waiting for a slot of its project.</summary>
    [Id(8)] public bool Queued { get; set; }

    [Id(9)] public CallbackStatus Callback { get; set; }

    [Id(10)] public int CallbackAttempts { get; set; }

    [Id(11)] public DateTimeOffset CreatedAt { get; set; }

    [Id(12)] public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The render's error code when the last attempt failed because the render did.</summary>
    [Id(13)] public string? RenderError { get; set; }

    /// <summary>Whether that render failed on the caller's input (a 4xx), not on a fault of the system.</summary>
    [Id(14)] public bool IsRenderInputError { get; set; }

    /// <summary>Each callback attempt that got an answer or a refusal, oldest first; at most the configured callback attempts.</summary>
    [Id(15)] public List<CallbackDelivery> Deliveries { get; set; } = [];

    /// <summary>Counts an attempt before it starts, so one cut short by a crash counts too.</summary>
    public void BeginAttempt()
    {
        Attempts++;
        Status = UploadStatus.Uploading;
        (NextAttemptAt, RenderError, IsRenderInputError) = (null, null, false);
    }

    /// <summary>Records how the upload ended and forgets the credentials and the session; no callback is due when it was cancelled or names no URL for this end.</summary>
    public void End(UploadStatus status, string? result, string? error)
    {
        var task = Job!.Task;
        Job = Job with { Task = task with { Destination = task.Destination.WithoutCredentials() } };
        (Status, Result, LastError) = (status, result, error ?? LastError);
        (Session, NextAttemptAt, EndedAt, Queued) = (null, null, DateTimeOffset.UtcNow, false);
        if (status == UploadStatus.Cancelled || (status == UploadStatus.Succeeded ? task.OnSuccess : task.OnError) is null)
        {
            Callback = CallbackStatus.None;
        }
    }

    /// <summary>Where it stands; a callback under way on the grain's activation (<paramref name="calling"/>) reads as pending, not unconfirmed.</summary>
    public UploadInfo ToInfo(bool calling, string silo) => new(
        Job!.Index, Job.TaskCount, Job.Task.Destination.Type, Job.Task.Extension, Job.Task.Async, Status, Queued, Attempts, NextAttemptAt,
        LastError, Result, calling ? CallbackStatus.Pending : Callback, silo, RenderError, IsRenderInputError, [.. Deliveries]);
}
