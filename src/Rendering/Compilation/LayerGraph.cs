using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// One visual layer inside its scene's stream: its source (<see cref="LayerSource"/>) timed to the scene, faded on its
/// alpha plane and laid over what is below it with <c>overlay</c>. The scene stream's first frame is scene frame
/// <c>window.Start</c>, so times in expressions are <c>t + window.Start / fps</c> (seconds from the scene's start).
/// This is the one place that decides how a layer looks over time.
/// </summary>
public static class LayerGraph
{
    /// <summary>Lays <paramref name="layer"/> over the stream labelled <paramref name="below"/>; returns the result's label.</summary>
    public static string Overlay(GraphBuilder graph, SceneWindow window, TimelineLayer layer, string? preparedFile, string below)
    {
        var fps = graph.Fps;
        var first = Math.Max(layer.StartFrame, window.Start);
        var count = Math.Min(layer.EndFrame, window.End) - first;
        var chain = LayerSource.Chain(graph, layer, preparedFile, first, count) + Invariant($",setpts=(N+{first})/({fps}*TB)");
        if (layer.FadeInFrames > 0)
        {
            chain += Invariant($",fade=t=in:st={graph.Seconds(layer.StartFrame)}:d={graph.Seconds(layer.FadeInFrames)}:alpha=1");
        }

        if (layer.FadeOutFrames > 0)
        {
            chain += Invariant($",fade=t=out:st={graph.Seconds(layer.EndFrame - layer.FadeOutFrames)}:d={graph.Seconds(layer.FadeOutFrames)}:alpha=1");
        }

        var label = graph.NewLabel("l");
        graph.Statement(chain + Invariant($",setpts=PTS-{window.Start}/({fps}*TB)[{label}]"));

        var result = graph.NewLabel("v");
        var offset = graph.Seconds(window.Start);
        graph.Statement(Invariant(
            $"[{below}][{label}]overlay=x='{Position(graph, layer, k => k.X, layer.X, offset)}':y='{Position(graph, layer, k => k.Y, layer.Y, offset)}':eof_action=pass:format=yuv420[{result}]"));
        return result;
    }

    private static string Position(GraphBuilder graph, TimelineLayer layer, Func<FrameKeyframe, int> axis, int fixedValue, string offset)
    {
        if (layer.Motion.Count == 0)
        {
            return Invariant($"{fixedValue}");
        }

        var time = $"(t+{offset})";
        var keys = layer.Motion;
        var expression = Invariant($"{axis(keys[^1])}");
        for (var i = keys.Count - 1; i > 0; i--)
        {
            var (from, to) = (keys[i - 1], keys[i]);
            var (t0, t1) = (graph.Seconds(from.Frame), graph.Seconds(to.Frame));
            expression = Invariant(
                $"if(lt({time},{t1}),{axis(from)}+({axis(to) - axis(from)})*({time}-{t0})/({t1}-{t0}),{expression})");
        }

        return Invariant($"if(lt({time},{graph.Seconds(keys[0].Frame)}),{axis(keys[0])},{expression})");
    }
}
