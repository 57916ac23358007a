namespace Orleans.Render.Rendering.Assets;

/// <summary>What <see cref="AssetInspector"/> learnt about an uploaded file; <see cref="Kind"/> is image, font, lut, video or audio.</summary>
public sealed record InspectedAsset(
    string Kind,
    string ContentType,
    int? Width = null,
    int? Height = null,
    double? DurationSeconds = null,
    string? FontFamily = null,
    bool HasAudio = false);
