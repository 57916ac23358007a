namespace Orleans.Render.Models;

/// <summary>How many units the segment store holds and their total size.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.SegmentStoreStats")]
public sealed record SegmentStoreStats(
    [property: Id(0)] int Units,
    [property: Id(1)] long Bytes);
