namespace Orleans.Render.Models;

/// <summary>Frames done out of the total for the token's current (or default) output.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.RenderProgress")]
public sealed record RenderProgress(
    [property: Id(0)] int Done,
    [property: Id(1)] int Total,
    [property: Id(2)] OutputStatus Status);
