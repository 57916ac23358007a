using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads a text layer's styling: line spacing, outline, shadow, background box and overflow.</summary>
internal static class TextStyleReader
{
    public const double MaxEffectSize = 200;

    public static TextStyleTemplate Read(ObjectReader reader)
    {
        var defaults = TextStyleTemplate.Default;
        var lineSpacing = reader.Number("lineSpacing", defaults.LineSpacing, 0.1, 10);
        string? outlineColor = null;
        var outlineWidth = 0.0;
        if (reader.Object("outline") is { } outline)
        {
            outlineColor = outline.Color("color", "#000000", required: true);
            outlineWidth = outline.Number("width", 2, 0.1, MaxEffectSize, required: true);
            outline.RejectUnknownMembers();
        }

        string? shadowColor = null;
        var (shadowX, shadowY, shadowBlur) = (defaults.ShadowX, defaults.ShadowY, defaults.ShadowBlur);
        if (reader.Object("shadow") is { } shadow)
        {
            shadowColor = shadow.Color("color", "#000000", required: true);
            shadowX = shadow.Number("x", defaults.ShadowX, -MaxEffectSize, MaxEffectSize);
            shadowY = shadow.Number("y", defaults.ShadowY, -MaxEffectSize, MaxEffectSize);
            shadowBlur = shadow.Number("blur", 0, 0, MaxEffectSize);
            shadow.RejectUnknownMembers();
        }

        var background = reader.Has("backgroundColor") ? reader.Color("backgroundColor", "#000000") : null;
        reader.Allow("backgroundColor");
        var padding = reader.Int("padding", 0, 0, MovieLimits.MaxSize / 2);
        var overflow = reader.Choice("overflow", "shrink", "shrink", "clip", "none");
        return new TextStyleTemplate(lineSpacing, outlineColor, outlineWidth, shadowColor, shadowX, shadowY, shadowBlur, background, padding, overflow);
    }
}
