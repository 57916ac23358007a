using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Reads a layer's <c>blend</c> mode and its <c>filters</c>. Every value is a number in a range or a word from a fixed
/// list, so nothing the author writes reaches the filter graph as text; a LUT names a <c>.cube</c> project asset.
/// </summary>
internal static class LayerEffectsReader
{
    public const int MaxFilters = 8;
    public const double MaxBlurRadius = 100;

    public static readonly string[] BlendNames = ["normal", "multiply", "screen", "overlay", "softlight", "hardlight"];

    public static readonly string[] FilterTypes = ["saturation", "brightness", "contrast", "blur", "vignette", "glow", "lut"];

    public static BlendMode ReadBlend(ObjectReader reader) => reader.Choice("blend", "normal", BlendNames) switch
    {
        "multiply" => BlendMode.Multiply,
        "screen" => BlendMode.Screen,
        "overlay" => BlendMode.Overlay,
        "softlight" => BlendMode.SoftLight,
        "hardlight" => BlendMode.HardLight,
        _ => BlendMode.Normal,
    };

    public static IReadOnlyList<LayerFilter> ReadFilters(ObjectReader reader)
    {
        var filters = reader.Objects("filters", MaxFilters).Select(ReadFilter).OfType<LayerFilter>().ToList();
        return filters.Count == 0 ? LayerLook.Default.Filters : filters;
    }

    private static LayerFilter? ReadFilter(ObjectReader reader)
    {
        var type = reader.Choice("type", "", FilterTypes);
        if (!reader.Has("type"))
        {
            reader.Error("type", $"is required ({string.Join(", ", FilterTypes)}).");
        }

        LayerFilter? filter = type switch
        {
            "saturation" => new SaturationFilter(reader.Number("value", 1, 0, 3, required: true)),
            "brightness" => new BrightnessFilter(reader.Number("value", 0, -1, 1, required: true)),
            "contrast" => new ContrastFilter(reader.Number("value", 1, 0, 4, required: true)),
            "blur" => new BlurFilter(reader.Number("radius", 1, 0.5, MaxBlurRadius, required: true)),
            "vignette" => new VignetteFilter(reader.Number("strength", 0.5, 0, 1)),
            "glow" => new GlowFilter(reader.Number("radius", 10, 0.5, MaxBlurRadius), reader.Number("strength", 0.5, 0, 1)),
            "lut" => ReadLut(reader),
            _ => null,
        };
        if (type.Length > 0)
        {
            reader.RejectUnknownMembers();
        }

        return filter;
    }

    /// <summary>A LUT is a project asset named plainly: no variables, no URL, and a <c>.cube</c> name.</summary>
    private static LutFilter? ReadLut(ObjectReader reader)
    {
        var name = reader.OptionalString("url");
        if (name is null)
        {
            reader.Error("url", "is required: the name of a .cube project asset.");
            return null;
        }

        if (!Names.IsValidAssetName(name) || !name.EndsWith(".cube", StringComparison.OrdinalIgnoreCase))
        {
            reader.Error("url", $"'{(name.Length > 40 ? name[..40] + "…" : name)}' is not the name of a .cube project asset (no URLs or variables).");
            return null;
        }

        return new LutFilter(MediaReference.ForAsset(name));
    }
}
