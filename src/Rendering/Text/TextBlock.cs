using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Text;

public enum TextAlign { Left, Center, Right }

public enum TextVerticalAlign { Top, Middle, Bottom }

/// <summary><c>Shrink</c> reduces the font until the text fits, <c>Clip</c> keeps the size and cuts at the box, <c>None</c> keeps the size and may run past the padding (still cut at the layer's bitmap).</summary>
public enum TextOverflow { Shrink, Clip, None }

/// <summary>A stroke of <c>Width</c> pixels drawn around every glyph, under the fill.</summary>
public sealed record TextOutline(RgbaColor Color, float Width);

/// <summary>A copy of the glyphs (and outline) offset by <c>X</c>,<c>Y</c> pixels and blurred with a Gaussian of sigma <c>Blur</c>/2.</summary>
public sealed record TextShadow(RgbaColor Color, float X, float Y, float Blur);

/// <summary>
/// A string to rasterize into a fixed <see cref="Width"/> x <see cref="Height"/> pixel box. <see cref="Background"/> fills
/// the whole box; the text is laid out inside the box minus <see cref="Padding"/> on every side. <see cref="FontFile"/>, when
/// set, is a local TTF/OTF file (a project font asset) used instead of the installed <see cref="FontFamily"/>.
/// </summary>
public sealed record TextBlock(
    string Text,
    int Width,
    int Height,
    float FontSize,
    RgbaColor Color,
    TextAlign Align = TextAlign.Center,
    TextVerticalAlign VerticalAlign = TextVerticalAlign.Middle,
    string FontFamily = "DejaVu Sans",
    float LineSpacing = 1.2f,
    string? FontFile = null,
    TextOutline? Outline = null,
    TextShadow? Shadow = null,
    RgbaColor? Background = null,
    int Padding = 0,
    TextOverflow Overflow = TextOverflow.Shrink)
{
    /// <summary>The same block drawn <paramref name="factor"/> times larger into a <paramref name="width"/> x <paramref name="height"/> box.</summary>
    public TextBlock Scaled(float factor, int width, int height) => this with
    {
        Width = width,
        Height = height,
        FontSize = FontSize * factor,
        Padding = (int)Math.Round(Padding * factor),
        Outline = Outline is null ? null : Outline with { Width = Outline.Width * factor },
        Shadow = Shadow is null ? null : Shadow with { X = Shadow.X * factor, Y = Shadow.Y * factor, Blur = Shadow.Blur * factor },
    };
}
