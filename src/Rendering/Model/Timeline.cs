using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Text;

namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A movie with every variable bound and every time in frames: what the compiler needs and nothing else.
/// Layers are in paint order (first = bottom) with frame numbers counted from the start of the movie.
/// </summary>
public sealed record Timeline(
    int Width,
    int Height,
    int Fps,
    IReadOnlyList<TimelineScene> Scenes,
    IReadOnlyList<TimelineLayer> Layers)
{
    public int TotalFrames => Scenes.Count == 0 ? 0 : Scenes[^1].StartFrame + Scenes[^1].FrameCount;
}

public sealed record TimelineScene(int StartFrame, int FrameCount, RgbaColor Background);

/// <summary>A layer visible on frames <c>[StartFrame, EndFrame)</c>, with fades counted in frames.</summary>
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
    IReadOnlyList<FrameKeyframe> Motion);

/// <summary>A position at an absolute frame of the movie.</summary>
public sealed record FrameKeyframe(int Frame, int X, int Y);

public abstract record LayerContent;

public sealed record SolidContent(RgbaColor Color) : LayerContent;

public sealed record TextContent(TextBlock Block) : LayerContent;

public sealed record ImageContent(Uri Url, ImageFit Fit) : LayerContent;
