using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Text;

public enum TextAlign { Left, Center, Right }

public enum TextVerticalAlign { Top, Middle, Bottom }

/// <summary>
/// A string to rasterize into a fixed <see cref="Width"/> x <see cref="Height"/> pixel box. <see cref="FontFile"/>, when
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
    string? FontFile = null);
