using Orleans.Render.Models;

namespace Orleans.Render.Grains.Tokens;

/// <summary>What a token is when it is made: its request, the movie documents it snapshotted and its lifetime. Written once, to the <see cref="TokenLedger"/>.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.TokenRecord")]
public sealed record TokenRecord(
    [property: Id(0)] RenderRequest Request,
    [property: Id(1)] IReadOnlyDictionary<string, string> Movies,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt);
