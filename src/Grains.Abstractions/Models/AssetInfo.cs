namespace Orleans.Render.Models;

/// <summary>
/// A project asset's facts, recorded when it was uploaded and checked: <see cref="Kind"/> is <c>image</c>, <c>font</c>,
/// <c>video</c> or <c>audio</c>; <see cref="Sha256"/> is the hex digest of its bytes. Images and videos have a pixel size,
/// videos and audio a duration, fonts their family name.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.AssetInfo")]
public sealed record AssetInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string Sha256,
    [property: Id(5)] DateTimeOffset UploadedAt,
    [property: Id(6)] int? Width = null,
    [property: Id(7)] int? Height = null,
    [property: Id(8)] double? DurationSeconds = null,
    [property: Id(9)] string? FontFamily = null);
