namespace Orleans.Render.Models;

/// <summary>A token's lifetime facts; <see cref="Cancelled"/> once it was deleted.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.JobInfo")]
public sealed record JobInfo(
    [property: Id(0)] string Token,
    [property: Id(1)] string Project,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] bool Expired,
    [property: Id(4)] bool Cancelled = false);
