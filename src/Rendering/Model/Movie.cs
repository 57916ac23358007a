namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A dynamic movie as authored (format v1): string fields may still hold <c>${…}</c> variables.
/// <see cref="Binding.MovieBinder"/> turns it plus params into a <see cref="Timeline"/>.
/// </summary>
public sealed record Movie(int Width, int Height, int Fps, string Background, IReadOnlyList<Scene> Scenes);

/// <summary>Where a layer sits inside its scene, in seconds; <c>Duration</c> null means "until the scene ends".</summary>
public sealed record LayerTiming(double Start, double? Duration, double FadeIn, double FadeOut);

/// <summary>A layer's box in pixels; a null size means "the whole frame".</summary>
public sealed record LayerBox(int X, int Y, int? Width, int? Height);

public abstract record Layer(LayerBox Box, LayerTiming Timing);

public sealed record SolidLayer(LayerBox Box, LayerTiming Timing, string Color) : Layer(Box, Timing);

public sealed record TextLayer(
    LayerBox Box,
    LayerTiming Timing,
    string Text,
    double FontSize,
    string Color,
    string Align,
    string VerticalAlign,
    string? Font) : Layer(Box, Timing);

/// <summary>A position keyframe, <c>Time</c> in seconds from the layer's start.</summary>
public sealed record PositionKeyframe(double Time, int X, int Y);

public sealed record ImageLayer(
    LayerBox Box,
    LayerTiming Timing,
    string Url,
    string Fit,
    IReadOnlyList<PositionKeyframe> Keyframes) : Layer(Box, Timing);
