using System.ComponentModel;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Contracts;

/// <summary>What <c>GET /v2/upload/{token}</c> answers: the token's upload tasks in task order, never a credential.</summary>
public sealed record UploadList(string Token, IReadOnlyList<UploadReport> Uploads);

/// <summary>One upload task of a token.</summary>
public sealed record UploadReport(
    int Index,
    [property: Description("The destination type: s3, azure, http, youtube, facebook or dropbox.")] string Type,
    string Extension,
    bool Async,
    [property: Description("pending, uploading, succeeded, failed or cancelled.")] string State,
    [property: Description("Whether the task waits for one of its project's upload slots.")] bool Queued,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    [property: Description("The uploaded object's URL (or the platform's id) once it succeeded.")] string? Result,
    [property: Description("The onsuccess/onerror callback: none, pending, unconfirmed, sent or failed.")] string Callback,
    [property: Description("Each callback attempt that got an answer or was refused, oldest first.")] IReadOnlyList<CallbackDeliveryReport> Deliveries);

/// <summary>One attempt to call back: the receiver's HTTP status (null when none came) and where the callback stood after it.</summary>
public sealed record CallbackDeliveryReport(
    DateTimeOffset At,
    int Attempt,
    [property: Description("GET or POST.")] string Method,
    int? Status,
    [property: Description("pending (tried again later), sent or failed.")] string Outcome,
    string? Error)
{
    public static CallbackDeliveryReport Of(CallbackDelivery delivery) => new(
        delivery.At, delivery.Attempt, delivery.Method.ToString().ToUpperInvariant(), delivery.StatusCode,
        delivery.Outcome.ToString().ToLowerInvariant(), delivery.Error);
}
