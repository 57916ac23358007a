using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// One visual layer inside its scene's stream: its source (<see cref="LayerSource"/>) timed to the scene, animated
/// (<see cref="LayerTransformFilters"/>: zoom, scale, rotation, opacity), faded on its alpha plane and laid over what is
/// below it with <c>overlay</c> at its animated position, or mixed with a blend mode (<see cref="LayerBlend"/>), after
/// a mask took away where it does not show (<see cref="LayerMasking"/>); a masked or blended layer that never changes
/// (<see cref="UnchangingLayer"/>) is masked and placed once and repeated. The scene stream's first frame is scene frame
/// <c>window.Start</c>, so times in expressions are <c>t + window.Start / fps</c> (seconds from the scene's start).
/// Timestamps are counted in frames on the frame rate's own time base (<c>settb</c>, then <c>setpts</c> by frame number),
/// so they stay exact at fractional rates such as 30000/1001.
/// This is the one place that decides how a layer looks over time.
/// </summary>
public static class LayerGraph
{
    /// <summary>
    /// Lays <paramref name="layer"/> over the stream labelled <paramref name="below"/>; returns the result's label. A
    /// layer showing a neighbouring scene in a custom transition takes its pixels from <paramref name="neighbour"/>, whose
    /// frames are the window's frames.
    /// </summary>
    public static string Overlay(
        GraphBuilder graph,
        SceneWindow window,
        (int Width, int Height) frame,
        TimelineLayer layer,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        string below,
        string? neighbour = null)
    {
        var preparedFile = preparedImages.GetValueOrDefault(layer);
        var fps = graph.Fps;

        // A masked or blended layer that never changes is composed for the window's first frame only, then repeated.
        var unchanging = (layer.Mask is not null || layer.Blend != BlendMode.Normal) && UnchangingLayer.Holds(layer, window);
        var composed = unchanging ? window with { End = window.Start + 1 } : window;
        var first = Math.Max(layer.StartFrame, composed.Start);
        var count = Math.Min(layer.EndFrame, composed.End) - first;
        var source = layer.Content switch
        {
            SceneViewContent view => LayerSource.StreamChain(graph, layer, SceneViewSource.Compose(graph, frame, layer, view, preparedImages, first, count), 0, count),
            NeighbourContent => LayerSource.StreamChain(graph, layer, neighbour ?? throw new InvalidOperationException("A scene layer outside a custom transition."), first - window.Start, count),
            _ => LayerSource.Chain(graph, layer, preparedFile, first, count),
        };
        var timed = source
            + (LayerSource.IsStill(layer) ? "" : LayerTransformFilters.Static(layer))
            + Invariant($",settb={fps.TimeBase},setpts=N+{first}");
        var chain = TextSizeFilter.Apply(graph, layer, timed, first, count)
            + LayerColorFilter.PerFrame(layer, new FrameRange(composed.Start, composed.End), fps, graph.NewLabel("colour"))
            + LayerTransformFilters.PerFrame(layer, new FrameRange(composed.Start, composed.End), fps, graph.NewLabel("op"));
        if (layer.FadeInFrames > 0)
        {
            chain += Invariant($",fade=t=in:st={graph.Seconds(layer.StartFrame)}:d={graph.Seconds(layer.FadeInFrames)}:alpha=1");
        }

        if (layer.FadeOutFrames > 0)
        {
            chain += Invariant($",fade=t=out:st={graph.Seconds(layer.EndFrame - layer.FadeOutFrames)}:d={graph.Seconds(layer.FadeOutFrames)}:alpha=1");
        }

        var label = graph.NewLabel("l");
        graph.Statement(chain + Invariant($",setpts=PTS-{composed.Start}[{label}]"));

        var position = PositionOf(graph, composed, layer);
        var box = LayerBox.Around(position, LayerTransformFilters.LargestFrame(layer), frame);
        if (layer.Mask is { } mask)
        {
            (label, box) = LayerMasking.Append(graph, composed, frame, mask, preparedImages, label, position, box);
            position = (box.Left, box.Top);
        }

        if (layer.Blend != BlendMode.Normal)
        {
            return LayerBlend.Append(graph, window, layer.Blend, label, below, position, box, unchanging);
        }

        if (unchanging)
        {
            var repeated = graph.NewLabel("lr");
            graph.Statement(Invariant($"[{label}]loop=loop={window.Count - 1}:size=1:start=0,setpts=N[{repeated}]"));
            label = repeated;
        }

        var result = graph.NewLabel("v");
        graph.Statement(Invariant($"[{below}][{label}]overlay=x='{position.X}':y='{position.Y}':eof_action=pass:format=yuv420[{result}]"));
        return result;
    }

    /// <summary>The overlay position of <paramref name="layer"/> in the stream of <paramref name="window"/>, as expressions of its time.</summary>
    public static (string X, string Y) PositionOf(GraphBuilder graph, SceneWindow window, TimelineLayer layer) =>
        LayerTransformFilters.Position(layer, graph.Fps, $"(t+{graph.Seconds(window.Start)})");
}
