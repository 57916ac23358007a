namespace Orleans.Render.Rendering.Model;

/// <summary>
/// Text styling as authored; colours may still hold variables. <c>Overflow</c> is <c>shrink</c>, <c>clip</c> or <c>none</c>.
/// </summary>
public sealed record TextStyleTemplate(
    double LineSpacing,
    string? OutlineColor,
    double OutlineWidth,
    string? ShadowColor,
    double ShadowX,
    double ShadowY,
    double ShadowBlur,
    string? BackgroundColor,
    int Padding,
    string Overflow)
{
    public static readonly TextStyleTemplate Default = new(1.2, null, 0, null, 2, 2, 0, null, 0, "shrink");
}
