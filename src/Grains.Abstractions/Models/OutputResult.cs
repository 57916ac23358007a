namespace Orleans.Render.Models;

/// <summary>
/// Where an output stands. When <see cref="Status"/> is <c>Failed</c>, <see cref="ErrorCode"/> and <see cref="Message"/>
/// say why and <see cref="IsInputError"/> tells a caller's mistake (4xx) from a system fault (5xx).
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.OutputResult")]
public sealed record OutputResult(
    [property: Id(0)] OutputStatus Status,
    [property: Id(1)] string? MediaKey,
    [property: Id(2)] string ContentType,
    [property: Id(3)] string? ErrorCode = null,
    [property: Id(4)] string? Message = null,
    [property: Id(5)] bool IsInputError = false,
    [property: Id(6)] int RetryAfterSeconds = 0);
