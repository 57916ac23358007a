using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Text;

namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A movie with every variable bound and every time in frames: what the compiler needs and nothing else.
/// Scenes are in order and own their layers; a scene that starts with a transition overlaps the one before it by the
/// transition's frames, so the movie is shorter than the sum of its scenes.
/// </summary>
public sealed record Timeline(int Width, int Height, FrameRate Fps, IReadOnlyList<TimelineScene> Scenes)
{
    /// <summary>Every sound of the movie (music track, audio layers, video layers' sound); empty means no audio stream.</summary>
    public IReadOnlyList<AudioClip> Audio { get; init; } = [];

    /// <summary>The encoder choices of the movie's <c>output</c> block; part of every unit's content address.</summary>
    public OutputSettings Output { get; init; } = OutputSettings.Default;

    public int TotalFrames => Scenes.Count == 0 ? 0 : Scenes[^1].StartFrame + Scenes[^1].FrameCount;
}

/// <summary>
/// A scene on movie frames <c>[StartFrame, StartFrame + FrameCount)</c>. Its layers are in paint order (first = bottom)
/// with frame numbers counted from the start of the scene. <c>Transition</c> blends the previous scene into this one
/// over this scene's first <c>Transition.Frames</c> frames.
/// </summary>
public sealed record TimelineScene(
    int StartFrame,
    int FrameCount,
    RgbaColor Background,
    IReadOnlyList<TimelineLayer> Layers,
    SceneTransition? Transition = null)
{
    public int TransitionFrames => Transition?.Frames ?? 0;
}

/// <summary>
/// A layer visible on scene frames <c>[StartFrame, EndFrame)</c>, with fades counted in frames. <c>X</c>,<c>Y</c> is
/// where the anchor point rests; <c>Motion</c> has the whole transform over time, in the same scene frames.
/// </summary>
public sealed record TimelineLayer(
    int StartFrame,
    int EndFrame,
    int X,
    int Y,
    int Width,
    int Height,
    int FadeInFrames,
    int FadeOutFrames,
    LayerContent Content,
    LayerMotion Motion)
{
    /// <summary>How the layer's colours combine with what is below it.</summary>
    public BlendMode Blend { get; init; }

    /// <summary>Per-pixel effects on the layer's own pixels, in order, before it is transformed and faded.</summary>
    public IReadOnlyList<LayerFilter> Filters { get; init; } = [];

    /// <summary>Another layer of the scene whose luma or alpha decides where this one shows.</summary>
    public TimelineMask? Mask { get; init; }

    /// <summary>The colour over time when colour keyframes animate it; the content is then prepared in opaque white.</summary>
    public ColorTrack? Color { get; init; }

    /// <summary>
    /// With font size keyframes, the text's size over time as a fraction of the size it is rasterised at (the largest);
    /// the picture is scaled by it around the text's alignment point inside the fixed box.
    /// </summary>
    public Curve? FontScale { get; init; }

    /// <summary>This layer and, when it has a mask, the mask's layer: every layer whose pixels a render prepares.</summary>
    public IEnumerable<TimelineLayer> WithMaskSource() => Mask?.Source is { } source ? [this, source] : [this];
}

public abstract record LayerContent;

public sealed record SolidContent(RgbaColor Color) : LayerContent;

public sealed record TextContent(TextBlock Block) : LayerContent;

/// <summary>An image from a remote URL or a project asset, scaled to the layer's box with <see cref="Fit"/>.</summary>
public sealed record ImageContent(MediaReference Source, ImageFit Fit) : LayerContent;

public enum ShapeKind { Rectangle, Ellipse, Path }

/// <summary>A shape's outline as canonical path data in the pixels of a <c>BoxWidth</c> × <c>BoxHeight</c> box.</summary>
public sealed record ShapePath(string Data, int BoxWidth, int BoxHeight);

public sealed record ShapeContent(ShapeKind Kind, RgbaColor Fill, RgbaColor? Stroke, float StrokeWidth, float CornerRadius) : LayerContent
{
    /// <summary>The outline of a <see cref="ShapeKind.Path"/> shape; drawn stretched to the picture's size.</summary>
    public ShapePath? Path { get; init; }

    /// <summary>The same shape drawn <paramref name="factor"/> times larger.</summary>
    public ShapeContent Scaled(float factor) => this with { StrokeWidth = StrokeWidth * factor, CornerRadius = CornerRadius * factor };
}

/// <summary>A video source drawn into the layer's box, starting <c>In</c> seconds into it, repeated when <c>Loop</c>.</summary>
public sealed record VideoContent(MediaReference Source, double In, bool Loop, ImageFit Fit) : LayerContent;
