namespace Orleans.Render.Models;

/// <summary>What a live token renders from: its request and the movie documents it snapshotted.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.TokenSource")]
public sealed record TokenSource(
    [property: Id(0)] RenderRequest Request,
    [property: Id(1)] IReadOnlyDictionary<string, string> Movies);
