namespace Orleans.Render.Models;

/// <summary>The stored asset, or why its content was refused (<see cref="ErrorCode"/> such as <c>image_invalid</c>).</summary>
[GenerateSerializer, Immutable, Alias("render.v1.AssetUploadResult")]
public sealed record AssetUploadResult(
    [property: Id(0)] AssetInfo? Asset,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? Message = null);
