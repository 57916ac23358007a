using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Applies a mask (<see cref="TimelineMask"/>) to a layer: the mask layer is composed on its own frame-sized canvas by
/// <see cref="LayerGraph"/> (so it is placed, timed and animated like any layer), over black for a luma mask or over
/// transparency for an alpha mask; that plane (luma stretched from video range to 0–255, inverted when asked) multiplies
/// the alpha of the masked layer. Everything stays yuva420p and grey planes: no conversion to RGB. The multiplying runs
/// on a box (<see cref="LayerBox"/>), not the frame: the masked layer's, or the mask layer's when that is smaller, since
/// outside it a mask that is not inverted hides everything. Returns the label of the masked layer as that box, and the box.
/// </summary>
public static class LayerMasking
{
    public static (string Label, LayerBox Box) Append(
        GraphBuilder graph,
        SceneWindow window,
        (int Width, int Height) frame,
        TimelineMask mask,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        string layer,
        (string X, string Y) position,
        LayerBox layerBox)
    {
        var luma = mask.Channel == MaskChannel.Luma;
        var canvas = graph.NewLabel("mc");
        graph.Statement(Invariant(
            $"color=c={(luma ? "black" : "black@0")}:s={frame.Width}x{frame.Height}:r={graph.Fps},format={(luma ? "yuv420p" : "yuva420p")},trim=end_frame={window.Count}[{canvas}]"));
        var source = mask.Source is { } drawn && window.Overlaps(drawn.StartFrame, drawn.EndFrame) ? drawn : null;
        var box = source is null || mask.Invert ? layerBox : Smaller(layerBox, LayerBox.Around(
            LayerGraph.PositionOf(graph, window, source), LayerTransformFilters.LargestFrame(source), frame));
        var weighed = source is null ? canvas : LayerGraph.Overlay(graph, window, frame, source, preparedImages, canvas);
        var level = luma ? "clip((val-16)*255/219,0,255)" : "val";
        var weights = graph.NewLabel("mw");
        graph.Statement(Invariant(
            $"[{weighed}]{box.Crop},extractplanes={(luma ? "y" : "a")},lut=c0='{(mask.Invert ? $"255-{level}" : level)}'[{weights}]"));

        var (blank, placed, kept, alpha, masked, result) =
            (graph.NewLabel("mb"), graph.NewLabel("mp"), graph.NewLabel("mk"), graph.NewLabel("ma"), graph.NewLabel("mm"), graph.NewLabel("mr"));
        var (x, y) = box.Inside(position);
        graph.Statement(Invariant($"{box.Canvas(graph.Fps, window.Count)}[{blank}]"));
        graph.Statement(Invariant($"[{blank}][{layer}]overlay=x='{x}':y='{y}':eof_action=pass:format=yuv420,split[{placed}][{kept}]"));
        graph.Statement(Invariant($"[{placed}]alphaextract[{alpha}]"));
        graph.Statement(Invariant($"[{alpha}][{weights}]blend=all_mode=multiply[{masked}]"));
        graph.Statement(Invariant($"[{kept}][{masked}]alphamerge[{result}]"));
        return (result, box);
    }

    private static LayerBox Smaller(LayerBox a, LayerBox b) => (long)a.Width * a.Height <= (long)b.Width * b.Height ? a : b;
}
