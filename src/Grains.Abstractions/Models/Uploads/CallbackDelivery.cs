namespace Orleans.Render.Models.Uploads;

/// <summary>
/// One attempt to call <c>onsuccess</c> or <c>onerror</c>, as <c>GET /v2/upload/{token}</c> lists it: when, how, what
/// the receiver answered (<see cref="StatusCode"/>, null when no answer came) and where the callback stood after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.CallbackDelivery")]
public sealed record CallbackDelivery(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Attempt,
    [property: Id(2)] CallbackMethod Method,
    [property: Id(3)] int? StatusCode,
    [property: Id(4)] CallbackStatus Outcome,
    [property: Id(5)] string? Error);
