using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Applies a mask (<see cref="TimelineMask"/>) to a layer: the mask layer is composed on its own frame-sized canvas by
/// <see cref="LayerGraph"/> (so it is placed, timed and animated like any layer), over black for a luma mask or over
/// transparency for an alpha mask; that plane (luma stretched from video range to 0–255, inverted when asked) multiplies
/// the alpha of the masked layer, which is first placed on a transparent frame at its own position. Everything stays
/// yuva420p and grey planes: no conversion to RGB. Returns the label of the masked layer as a whole frame, to be laid at
/// 0,0.
/// </summary>
public static class LayerMasking
{
    public static string Append(
        GraphBuilder graph,
        SceneWindow window,
        (int Width, int Height) frame,
        TimelineMask mask,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        string layer,
        string x,
        string y)
    {
        var luma = mask.Channel == MaskChannel.Luma;
        var canvas = graph.NewLabel("mc");
        graph.Statement(Invariant(
            $"color=c={(luma ? "black" : "black@0")}:s={frame.Width}x{frame.Height}:r={graph.Fps},format={(luma ? "yuv420p" : "yuva420p")},trim=end_frame={window.Count}[{canvas}]"));
        var drawn = mask.Source is { } source && window.Overlaps(source.StartFrame, source.EndFrame)
            ? LayerGraph.Overlay(graph, window, frame, source, preparedImages, canvas)
            : canvas;
        var level = luma ? "clip((val-16)*255/219,0,255)" : "val";
        var weights = graph.NewLabel("mw");
        graph.Statement(Invariant(
            $"[{drawn}]extractplanes={(luma ? "y" : "a")},lut=c0='{(mask.Invert ? $"255-{level}" : level)}'[{weights}]"));

        var (blank, placed, kept, alpha, masked, result) =
            (graph.NewLabel("mb"), graph.NewLabel("mp"), graph.NewLabel("mk"), graph.NewLabel("ma"), graph.NewLabel("mm"), graph.NewLabel("mr"));
        graph.Statement(Invariant(
            $"color=c=black@0:s={frame.Width}x{frame.Height}:r={graph.Fps},format=yuva420p,trim=end_frame={window.Count}[{blank}]"));
        graph.Statement(Invariant($"[{blank}][{layer}]overlay=x='{x}':y='{y}':eof_action=pass:format=yuv420,split[{placed}][{kept}]"));
        graph.Statement(Invariant($"[{placed}]alphaextract[{alpha}]"));
        graph.Statement(Invariant($"[{alpha}][{weights}]blend=all_mode=multiply[{masked}]"));
        graph.Statement(Invariant($"[{kept}][{masked}]alphamerge[{result}]"));
        return result;
    }
}
