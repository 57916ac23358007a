namespace Orleans.Render.Models.Batches;

/// <summary>
/// A batch's facts and counts. <see cref="PeakRunning"/> is the most tasks it ever had in flight at once (never more
/// than <see cref="Window"/>); <see cref="Silo"/> is where it is active, for operators and tests.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.BatchInfo")]
public sealed record BatchInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Project,
    [property: Id(2)] string Routing,
    [property: Id(3)] int Window,
    [property: Id(4)] BatchStatus Status,
    [property: Id(5)] int Total,
    [property: Id(6)] int Completed,
    [property: Id(7)] int Failed,
    [property: Id(8)] int Cancelled,
    [property: Id(9)] int Running,
    [property: Id(10)] int PeakRunning,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset? FinishedAt,
    [property: Id(13)] string Silo);
