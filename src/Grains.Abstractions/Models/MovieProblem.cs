namespace Orleans.Render.Models;

/// <summary>A validation problem in a movie, located by JSON path.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.MovieProblem")]
public sealed record MovieProblem(
    [property: Id(0)] string Path,
    [property: Id(1)] string Message);
