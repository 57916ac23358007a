namespace Orleans.Render.Models;

/// <summary>One segment of an output: its frames, where it stands, how many attempts it took and which silo rendered it.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.SegmentInfo")]
public sealed record SegmentInfo(
    [property: Id(0)] int Index,
    [property: Id(1)] int StartFrame,
    [property: Id(2)] int EndFrame,
    [property: Id(3)] OutputStatus Status,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? Silo,
    [property: Id(6)] string? LastError);
