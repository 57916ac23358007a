namespace Orleans.Render.Models.Access;

/// <summary>One of a private project's render keys, by id, with its secret's hash.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.RenderKeyInfo")]
public sealed record RenderKeyInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Comment,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] byte[] SecretHash);
