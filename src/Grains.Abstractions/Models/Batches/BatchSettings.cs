namespace Orleans.Render.Models.Batches;

/// <summary>
/// What a batch is created with: the project its movies come from, the render pool (<c>routing</c>), how many of its
/// tasks may be in flight at once (capped by the server) and how long its tokens live.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.BatchSettings")]
public sealed record BatchSettings(
    [property: Id(0)] string Project,
    [property: Id(1)] string Routing,
    [property: Id(2)] int? Window,
    [property: Id(3)] TimeSpan TokenTtl);
