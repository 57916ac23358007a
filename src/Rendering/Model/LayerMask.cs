namespace Orleans.Render.Rendering.Model;

/// <summary>Which part of the mask layer's pixels decides how much of the masked layer shows.</summary>
public enum MaskChannel
{
    /// <summary>Brightness of the mask layer drawn over black: white shows, black hides.</summary>
    Luma,

    /// <summary>Opacity of the mask layer: opaque shows, transparent hides.</summary>
    Alpha,
}

/// <summary>
/// A mask as authored (impossible.io's <c>&lt;mask&gt;</c>): another visual layer, placed and timed in the same scene,
/// whose luma or alpha multiplies the masked layer's alpha, inverted when <c>Invert</c>.
/// </summary>
public sealed record LayerMask(Layer Source, MaskChannel Channel, bool Invert);

/// <summary>A bound mask; <c>Source</c> is null when the mask layer is not drawn (its condition is false), which hides everything it masks.</summary>
public sealed record TimelineMask(TimelineLayer? Source, MaskChannel Channel, bool Invert);
