using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Where a layer's pixels come from: the chain that yields exactly <c>count</c> frames of the layer's box (yuva420p, or
/// yuv420p for a video that stays opaque), starting at scene frame <c>first</c>, with its filters
/// (<see cref="LayerEffects"/>) applied. A still source is one frame, filtered and transformed once
/// (<see cref="LayerTransformFilters.Static"/>) and then repeated with <c>loop</c>; <see cref="LayerGraph"/> applies the
/// static transforms of any other source per frame. Timing, animation and placement are <see cref="LayerGraph"/>'s job.
/// </summary>
public static class LayerSource
{
    /// <summary>Whether the layer's pixels are one frame repeated, so its static transforms run once, before the repeat.</summary>
    public static bool IsStill(TimelineLayer layer) => layer.Content is SolidContent or TextContent or ImageContent or ShapeContent;

    public static string Chain(GraphBuilder graph, TimelineLayer layer, string? preparedFile, int first, int count) => layer.Content switch
    {
        SolidContent solid => Invariant(
            $"color=c={solid.Color.ToFfmpeg()}:s={layer.Width}x{layer.Height}:r={graph.Fps},format=yuva420p,trim=end_frame=1{LayerEffects.Chain(graph, layer, withAlpha: true)}{LayerTransformFilters.Static(layer)},loop=loop={count - 1}:size=1:start=0"),

        VideoContent video => VideoChain(graph, layer, video, first, count),

        // A prepared PNG is decoded once and converted once; loop repeats the converted frame.
        _ => Invariant($"[{graph.AddInput(preparedFile ?? throw new InvalidOperationException("The layer was not prepared."))}:v]format=yuva420p{LayerEffects.Chain(graph, layer, withAlpha: true)}{LayerTransformFilters.Static(layer)},loop=loop={count - 1}:size=1:start=0"),
    };

    /// <summary>
    /// The video from where scene frame <c>first</c> falls in it. Without <c>loop</c> it is seeked there with <c>-ss</c>
    /// before the input, so a segment starting mid-layer decodes only what it shows; a source that ends early yields
    /// fewer frames and the layer ends with it. With <c>loop</c> the whole source repeats (<c>-stream_loop</c>); a looped
    /// input restarts at the keyframe before its <c>-ss</c>, not at the <c>-ss</c>, so it is not seeked and the frames
    /// before the current position in the source are dropped instead. Then the frame rate is converted to the movie's
    /// and the picture fitted to the box.
    /// </summary>
    private static string VideoChain(GraphBuilder graph, TimelineLayer layer, VideoContent video, int first, int count)
    {
        var source = graph.Media[video.Source];
        var position = video.In + graph.Fps.Seconds(first - layer.StartFrame);
        if (video.Loop)
        {
            position %= source.DurationSeconds;
        }
        else if (position >= source.DurationSeconds)
        {
            return Invariant($"color=c=black@0:s={layer.Width}x{layer.Height}:r={graph.Fps},format=yuva420p,trim=end_frame=1");
        }

        var input = video.Loop
            ? graph.AddInput(source.Path, "-stream_loop", "-1")
            : graph.AddInput(source.Path, "-ss", Invariant($"{position:0.######}"));
        var skip = video.Loop ? graph.Fps.ToFrames(position) : 0;
        var (w, h) = (layer.Width, layer.Height);

        // A picture that stays opaque keeps yuv420p, so overlay copies it instead of blending an alpha plane per frame.
        var format = IsOpaque(layer) ? "yuv420p" : "yuva420p";
        var effects = LayerEffects.Chain(graph, layer, withAlpha: false);
        var fit = video.Fit switch
        {
            Media.ImageFit.Cover => Invariant($"scale={w}:{h}:force_original_aspect_ratio=increase,crop={w}:{h}{effects},format={format}"),
            Media.ImageFit.Contain => Invariant($"scale={w}:{h}:force_original_aspect_ratio=decrease{effects},format=yuva420p,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black@0"),
            _ => Invariant($"scale={w}:{h}{effects},format={format}"),
        };
        var skipped = skip > 0 ? Invariant($"trim=start_frame={skip},setpts=PTS-STARTPTS,") : "";
        return Invariant($"[{input}:v]setpts=PTS-STARTPTS,fps={graph.Fps},{skipped}{fit},setsar=1,trim=end_frame={count}");
    }

    /// <summary>
    /// Frames <c>[skip, skip + count)</c> of a composed, frame-sized stream (a scene view, a neighbouring scene of a custom
    /// transition), stretched to the layer's box, with the layer's filters.
    /// </summary>
    public static string StreamChain(GraphBuilder graph, TimelineLayer layer, string stream, int skip, int count)
    {
        var format = IsOpaque(layer) ? "yuv420p" : "yuva420p";
        var effects = LayerEffects.Chain(graph, layer, withAlpha: false);
        return Invariant(
            $"[{stream}]trim=start_frame={skip}:end_frame={skip + count},setpts=PTS-STARTPTS,scale={layer.Width}:{layer.Height}{effects},format={format},setsar=1");
    }

    /// <summary>No fade, opacity or rotation ever makes part of the layer's box transparent.</summary>
    private static bool IsOpaque(TimelineLayer layer) =>
        layer.FadeInFrames == 0 && layer.FadeOutFrames == 0
        && IsConstantly(layer.Motion.Opacity, 1) && IsConstantly(layer.Motion.Fade, 1) && IsConstantly(layer.Motion.Rotation, 0);

    private static bool IsConstantly(Curve curve, double value) => curve.IsConstant && curve.Points[0].Value.Equals(value);
}
