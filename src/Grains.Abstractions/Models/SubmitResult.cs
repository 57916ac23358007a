namespace Orleans.Render.Models;

/// <summary>A new token whose first output is queued, or why nothing was created (its project's queue is full, or the output is not one the request can make).</summary>
[GenerateSerializer, Immutable, Alias("render.v1.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] JobInfo? Info,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? Message = null);
