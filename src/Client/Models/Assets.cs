using System.Text.Json.Serialization;

namespace Orleans.Render.Client;

/// <summary>A project asset's facts: <see cref="Kind"/> is image, font, video, audio or lut; sizes, duration and family where they apply.</summary>
public sealed record AssetFacts(
    string Name,
    string Kind,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset Uploaded,
    int? Width = null,
    int? Height = null,
    double? Duration = null,
    string? Family = null);

/// <summary><c>GET /v1/list/data/{project}</c>: every asset's facts by name, and the names by kind.</summary>
public sealed record AssetList(
    [property: JsonPropertyName("Metadata")] IReadOnlyDictionary<string, AssetFacts> Assets,
    [property: JsonPropertyName("Images")] IReadOnlyList<string> Images,
    [property: JsonPropertyName("Fonts")] IReadOnlyList<string> Fonts,
    [property: JsonPropertyName("Videos")] IReadOnlyList<string> Videos,
    [property: JsonPropertyName("Audios")] IReadOnlyList<string> Audios,
    [property: JsonPropertyName("Generic")] IReadOnlyList<string> Luts);
