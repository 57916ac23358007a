namespace Orleans.Render.Models;

/// <summary>A variable a movie uses: its name, default (null when none) and the kind of field it feeds.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.MovieVariableInfo")]
public sealed record MovieVariableInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string? DefaultValue,
    [property: Id(2)] string Type);
