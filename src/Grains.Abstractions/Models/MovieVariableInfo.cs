namespace Orleans.Render.Models;

/// <summary>A variable a movie uses: its name, default (null when none), the kind of field it feeds, and the movie frames of its first use.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.MovieVariableInfo")]
public sealed record MovieVariableInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string? DefaultValue,
    [property: Id(2)] string Type,
    [property: Id(3)] int Offset = 0,
    [property: Id(4)] int NumFrames = 0);
