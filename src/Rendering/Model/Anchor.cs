namespace Orleans.Render.Rendering.Model;

/// <summary>The point of a layer's box that <c>x</c>,<c>y</c> refer to and that scale and rotation pivot on, as fractions of the box.</summary>
public readonly record struct Anchor(double Fx, double Fy)
{
    public static readonly string[] Names =
        ["top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"];

    public static Anchor Parse(string name)
    {
        var index = Array.IndexOf(Names, name);
        return index < 0 ? default : new Anchor(index % 3 / 2.0, index / 3 / 2.0);
    }

    /// <summary>The anchor <paramref name="offset"/> pixels from the centre of a <paramref name="width"/>x<paramref name="height"/> box.</summary>
    public static Anchor FromCentre(AnchorOffset offset, int width, int height) =>
        new(0.5 + (offset.X / width), 0.5 + (offset.Y / height));
}

/// <summary>A free anchor: pixels right (<c>X</c>) and down (<c>Y</c>) from the centre of the layer's box.</summary>
public sealed record AnchorOffset(double X, double Y);
