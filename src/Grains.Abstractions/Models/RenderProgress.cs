namespace Orleans.Render.Models;

/// <summary>
/// Frames done out of the total for the token's current (or default) output; while queued, its place in the pool's
/// queue (1 = next); how many of its units came from the segment store instead of being rendered.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.RenderProgress")]
public sealed record RenderProgress(
    [property: Id(0)] int Done,
    [property: Id(1)] int Total,
    [property: Id(2)] OutputStatus Status,
    [property: Id(3)] int Position = 0,
    [property: Id(4)] int Reused = 0);
