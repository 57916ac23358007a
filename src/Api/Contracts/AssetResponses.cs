using System.ComponentModel;
using System.Text.Json.Serialization;
using Orleans.Render.Models;

namespace Orleans.Render.Api.Contracts;

/// <summary>
/// An asset's facts as the API shows them; fields that do not apply to its kind are left out. <c>PUT /v1/data</c>
/// answers them with <c>Resource-Name</c>.
/// </summary>
public sealed record AssetFacts(
    string Name,
    [property: Description("image, font, video, audio or lut.")] string Kind,
    string ContentType,
    [property: Description("Bytes.")] long Size,
    [property: Description("Hex SHA-256 of the bytes.")] string Sha256,
    DateTimeOffset Uploaded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Width,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Height,
    [property: Description("Seconds, for video and audio."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Duration,
    [property: Description("The font family, for fonts."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Family,
    [property: JsonPropertyName("Resource-Name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResourceName = null)
{
    public static AssetFacts Of(AssetInfo asset, string? resourceName = null) => new(
        asset.Name,
        asset.Kind,
        asset.ContentType,
        asset.Size,
        asset.Sha256,
        asset.UploadedAt,
        asset.Width,
        asset.Width is null ? null : asset.Height,
        asset.DurationSeconds is { } duration ? Math.Round(duration, 3) : null,
        asset.FontFamily,
        resourceName);
}

/// <summary><c>GET /v1/list/data/{project}</c>: every asset's facts by name, and the names by impossible.io's kinds.</summary>
public sealed record AssetList(
    [property: JsonPropertyName("Metadata")] IReadOnlyDictionary<string, AssetFacts> Metadata,
    [property: JsonPropertyName("Images")] IReadOnlyList<string> Images,
    [property: JsonPropertyName("Fonts")] IReadOnlyList<string> Fonts,
    [property: JsonPropertyName("Videos")] IReadOnlyList<string> Videos,
    [property: JsonPropertyName("Audios")] IReadOnlyList<string> Audios,
    [property: JsonPropertyName("Datasources"), Description("Always empty: data sources are not supported.")] IReadOnlyList<string> Datasources,
    [property: JsonPropertyName("Generic"), Description("Colour LUTs.")] IReadOnlyList<string> Generic);
