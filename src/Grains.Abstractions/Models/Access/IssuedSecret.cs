namespace Orleans.Render.Models.Access;

/// <summary>A key's id and its new secret: the only time the secret leaves the grain, which keeps its hash.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.IssuedSecret")]
public sealed record IssuedSecret(
    [property: Id(0)] string Id,
    [property: Id(1)] string Secret);
