namespace Orleans.Render.Models.Access;

/// <summary>A management key made through the API: its secret's hash and the projects it created, which it alone may manage.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.ManagementKeyInfo")]
public sealed record ManagementKeyInfo(
    [property: Id(0)] string Key,
    [property: Id(1)] string? Comment,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] bool Revoked,
    [property: Id(4)] byte[] SecretHash,
    [property: Id(5)] IReadOnlyList<string> Projects);
