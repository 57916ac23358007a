namespace Orleans.Render.Rendering.Model;

/// <summary>How a layer's colours combine with what is below it (impossible.io's <c>blendmode</c>); its alpha still decides how much.</summary>
public enum BlendMode
{
    Normal,
    Multiply,
    Screen,
    Overlay,
    SoftLight,
    HardLight,
}
