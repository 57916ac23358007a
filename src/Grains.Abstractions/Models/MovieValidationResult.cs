namespace Orleans.Render.Models;

/// <summary>A movie checked with a set of params without rendering: errors fail a render, warnings are likely mistakes.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.MovieValidationResult")]
public sealed record MovieValidationResult(
    [property: Id(0)] IReadOnlyList<MovieProblem> Errors,
    [property: Id(1)] IReadOnlyList<MovieProblem> Warnings);
