using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// One visual layer inside its scene's stream: its source (<see cref="LayerSource"/>) timed to the scene, animated
/// (<see cref="LayerTransformFilters"/>: zoom, scale, rotation, opacity), faded on its alpha plane and laid over what is
/// below it with <c>overlay</c> at its animated position, or mixed with a blend mode (<see cref="LayerBlend"/>), after
/// a mask took away where it does not show (<see cref="LayerMasking"/>). The scene stream's first frame is scene frame
/// <c>window.Start</c>, so times in expressions are <c>t + window.Start / fps</c> (seconds from the scene's start).
/// Timestamps are counted in frames on the frame rate's own time base (<c>settb</c>, then <c>setpts</c> by frame number),
/// so they stay exact at fractional rates such as 30000/1001.
/// This is the one place that decides how a layer looks over time.
/// </summary>
public static class LayerGraph
{
    /// <summary>Lays <paramref name="layer"/> over the stream labelled <paramref name="below"/>; returns the result's label.</summary>
    public static string Overlay(
        GraphBuilder graph,
        SceneWindow window,
        (int Width, int Height) frame,
        TimelineLayer layer,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        string below)
    {
        var preparedFile = preparedImages.GetValueOrDefault(layer);
        var fps = graph.Fps;
        var first = Math.Max(layer.StartFrame, window.Start);
        var count = Math.Min(layer.EndFrame, window.End) - first;
        var timed = LayerSource.Chain(graph, layer, preparedFile, first, count)
            + (LayerSource.IsStill(layer) ? "" : LayerTransformFilters.Static(layer))
            + Invariant($",settb={fps.TimeBase},setpts=N+{first}");
        var chain = TextSizeFilter.Apply(graph, layer, timed, first, count)
            + LayerColorFilter.PerFrame(layer, new FrameRange(window.Start, window.End), fps, graph.NewLabel("colour"))
            + LayerTransformFilters.PerFrame(layer, new FrameRange(window.Start, window.End), fps, graph.NewLabel("op"));
        if (layer.FadeInFrames > 0)
        {
            chain += Invariant($",fade=t=in:st={graph.Seconds(layer.StartFrame)}:d={graph.Seconds(layer.FadeInFrames)}:alpha=1");
        }

        if (layer.FadeOutFrames > 0)
        {
            chain += Invariant($",fade=t=out:st={graph.Seconds(layer.EndFrame - layer.FadeOutFrames)}:d={graph.Seconds(layer.FadeOutFrames)}:alpha=1");
        }

        var label = graph.NewLabel("l");
        graph.Statement(chain + Invariant($",setpts=PTS-{window.Start}[{label}]"));

        var (x, y) = LayerTransformFilters.Position(layer, fps, $"(t+{graph.Seconds(window.Start)})");
        if (layer.Mask is { } mask)
        {
            (label, x, y) = (LayerMasking.Append(graph, window, frame, mask, preparedImages, label, x, y), "0", "0");
        }

        if (layer.Blend != BlendMode.Normal)
        {
            return LayerBlend.Append(graph, window, frame, layer.Blend, label, below, x, y);
        }

        var result = graph.NewLabel("v");
        graph.Statement(Invariant($"[{below}][{label}]overlay=x='{x}':y='{y}':eof_action=pass:format=yuv420[{result}]"));
        return result;
    }
}
