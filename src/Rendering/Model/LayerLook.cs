namespace Orleans.Render.Rendering.Model;

/// <summary>
/// How any visual layer is placed, moves and looks, as authored: anchor, static transform, condition, predefined
/// animations, keyframes, blend mode, filters and mask. Numbers given as variables are in <see cref="Layer.NumberTemplates"/>.
/// </summary>
public sealed record LayerLook(
    string Anchor,
    double Scale,
    double Rotation,
    double Opacity,
    string? Condition,
    IReadOnlyList<LayerAnimation> Animations,
    IReadOnlyList<Keyframe> Keyframes)
{
    public static readonly LayerLook Default = new("top-left", 1, 0, 1, null, [], []);

    /// <summary>
    /// A free anchor (impossible.io's): the pivot at this many pixels right and down from the box's centre, instead of
    /// the named <c>Anchor</c>.
    /// </summary>
    public AnchorOffset? AnchorOffset { get; init; }

    /// <summary>Per-axis scale (impossible.io's <c>scale="sx, sy"</c>); an axis without one takes <c>Scale</c>.</summary>
    public double? ScaleX { get; init; }

    /// <inheritdoc cref="ScaleX"/>
    public double? ScaleY { get; init; }

    /// <summary>How the layer's colours combine with what is below it.</summary>
    public BlendMode Blend { get; init; }

    /// <summary>Per-pixel effects on the layer's own pixels, in order.</summary>
    public IReadOnlyList<LayerFilter> Filters { get; init; } = [];

    /// <summary>Another layer whose luma or alpha decides where this one shows.</summary>
    public LayerMask? Mask { get; init; }
}

/// <summary>
/// A predefined animation: <c>fadein</c>, <c>fadeout</c>, <c>slidein</c>, <c>slideout</c> (with a direction) or
/// <c>zoom</c> (Ken Burns: the content scales from <c>From</c> to <c>To</c> inside the fixed box). <c>Bezier</c>, when
/// set, eases it instead of <c>Easing</c>.
/// </summary>
public sealed record LayerAnimation(string Type, double? Duration, string Direction, double From, double To, Easing Easing)
{
    public CubicBezier? Bezier { get; init; }
}

/// <summary>
/// A keyframe, <c>Time</c> in seconds from the layer's start; each property is animated by the keyframes that set it.
/// <c>ScaleX</c>/<c>ScaleY</c> set one axis's scale, <c>Scale</c> both (the per-axis value wins on its axis).
/// <c>Bezier</c>, when set, eases the moves from this keyframe instead of <c>Easing</c>.
/// </summary>
public sealed record Keyframe(double Time, double? X, double? Y, double? Scale, double? Rotation, double? Opacity, Easing Easing)
{
    public CubicBezier? Bezier { get; init; }

    /// <summary>A named anchor this keyframe moves the pivot to, or (with <c>AnchorOffset</c>) "center".</summary>
    public string? Anchor { get; init; }

    /// <summary>A free anchor this keyframe moves the pivot to: pixels from the box's centre.</summary>
    public AnchorOffset? AnchorOffset { get; init; }

    public double? ScaleX { get; init; }

    public double? ScaleY { get; init; }

    /// <summary>The colour of a solid or of a text's glyphs (no variables).</summary>
    public RgbaColor? Color { get; init; }

    /// <summary>A text's font size in pixels.</summary>
    public double? FontSize { get; init; }
}
