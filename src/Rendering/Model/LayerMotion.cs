namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A bound layer's transform over time, every curve in scene frames. <c>AnchorX</c>,<c>AnchorY</c> are the anchor point
/// as fractions of the box's width and height (they move with anchor keyframes); <c>X</c>,<c>Y</c> place that
/// point; <c>OffsetX</c>,<c>OffsetY</c> are the slides on top of that; <c>ScaleX</c>, <c>ScaleY</c> (per axis) and
/// <c>Rotation</c> (degrees clockwise) pivot on the anchor; <c>Opacity</c> times <c>Fade</c> multiplies the alpha; <c>Zoom</c> scales the
/// content inside the fixed box around its centre (Ken Burns).
/// </summary>
public sealed record LayerMotion(
    Curve AnchorX,
    Curve AnchorY,
    Curve X,
    Curve Y,
    Curve OffsetX,
    Curve OffsetY,
    Curve ScaleX,
    Curve ScaleY,
    Curve Rotation,
    Curve Opacity,
    Curve Fade,
    Curve Zoom)
{
    public static LayerMotion Still(int x, int y) => new(
        Curve.Constant(0), Curve.Constant(0), Curve.Constant(x), Curve.Constant(y), Curve.Constant(0), Curve.Constant(0),
        Curve.Constant(1), Curve.Constant(1), Curve.Constant(0), Curve.Constant(1), Curve.Constant(1), Curve.Constant(1));

    /// <summary>Whether the box keeps its shape: both axes always scale alike.</summary>
    public bool ScalesUniformly => ScaleX.Equals(ScaleY);

    public double OpacityAt(int frame) => Opacity.ValueAt(frame) * Fade.ValueAt(frame);
}
