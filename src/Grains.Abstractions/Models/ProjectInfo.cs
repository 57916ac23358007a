namespace Orleans.Render.Models;

[GenerateSerializer, Immutable, Alias("render.v1.ProjectInfo")]
public sealed record ProjectInfo(
    [property: Id(0)] string Uid,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt);
