using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// One scene's frames <c>[window.Start, window.End)</c> as a stream of the frame's size: a colour source in the scene's
/// background with the layers the window shows laid over it in paint order (<see cref="LayerGraph"/>). A movie's scenes,
/// the scenes a view shows and a custom transition's own picture are all composed here.
/// </summary>
public static class SceneComposer
{
    public static string Compose(
        GraphBuilder graph, (int Width, int Height) frame, SceneWindow window, IReadOnlyDictionary<TimelineLayer, string> preparedImages)
    {
        var current = Background(graph, frame, window.Scene.Background, window.Count);
        foreach (var layer in window.Scene.Layers.Where(l => window.Overlaps(l.StartFrame, l.EndFrame)))
        {
            current = LayerGraph.Overlay(graph, window, frame, layer, preparedImages, current);
        }

        return current;
    }

    /// <summary>An opaque frame-sized stream of <paramref name="count"/> frames in <paramref name="color"/>.</summary>
    public static string Background(GraphBuilder graph, (int Width, int Height) frame, RgbaColor color, int count)
    {
        var label = graph.NewLabel("s");
        graph.Statement(Invariant(
            $"color=c=0x{color.R:X2}{color.G:X2}{color.B:X2}:s={frame.Width}x{frame.Height}:r={graph.Fps},format=yuv420p,trim=end_frame={count}[{label}]"));
        return label;
    }
}
