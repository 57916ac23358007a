namespace Orleans.Render.Models;

/// <summary>The silo a job runs on and the segments of its current output.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.JobSegments")]
public sealed record JobSegments(
    [property: Id(0)] string JobSilo,
    [property: Id(1)] string? Output,
    [property: Id(2)] IReadOnlyList<SegmentInfo> Segments);
