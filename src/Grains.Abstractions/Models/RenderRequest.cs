namespace Orleans.Render.Models;

/// <summary>
/// What a token stands for: a project, the movie to use for each output extension (<c>*</c> is the fallback),
/// the params bound into it, and how to spread the work.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.RenderRequest")]
public sealed record RenderRequest(
    [property: Id(0)] string Project,
    [property: Id(1)] IReadOnlyDictionary<string, string> Movies,
    [property: Id(2)] IReadOnlyDictionary<string, string> Params,
    [property: Id(3)] int Parallel,
    [property: Id(4)] string RoutingKey);
