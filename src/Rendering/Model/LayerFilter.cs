using Orleans.Render.Rendering.Media;

namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A per-pixel effect on a layer's own pixels (impossible.io's <c>&lt;filter&gt;</c>), applied in order before the layer
/// is transformed, faded and laid over what is below it. Values are plain numbers, checked when the movie is parsed.
/// </summary>
public abstract record LayerFilter;

/// <summary>Colour saturation: 0 grey, 1 unchanged, up to 3.</summary>
public sealed record SaturationFilter(double Value) : LayerFilter;

/// <summary>Added to the brightness: -1 black, 0 unchanged, 1 white.</summary>
public sealed record BrightnessFilter(double Value) : LayerFilter;

/// <summary>Contrast around mid grey: 0 flat grey, 1 unchanged, up to 4.</summary>
public sealed record ContrastFilter(double Value) : LayerFilter;

/// <summary>A Gaussian blur whose radius (about two standard deviations) is in pixels of the layer's box.</summary>
public sealed record BlurFilter(double Radius) : LayerFilter;

/// <summary>Darkens the box towards its corners; 0 none, 1 strongest.</summary>
public sealed record VignetteFilter(double Strength) : LayerFilter;

/// <summary>A soft light around and over the layer's bright parts: a blurred copy (radius in pixels) screened onto it with <c>Strength</c> 0–1.</summary>
public sealed record GlowFilter(double Radius, double Strength) : LayerFilter;

/// <summary>A colour grade from a 3D lookup table: a <c>.cube</c> project asset.</summary>
public sealed record LutFilter(MediaReference Source) : LayerFilter;
