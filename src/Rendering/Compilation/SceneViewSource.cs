using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The pixels of a scene view: the view's frames <c>[first − layer start, … + count)</c>, each viewed scene composed at
/// the movie's frame size for the part it plays there (<see cref="SceneComposer"/>, so views inside views recurse) and
/// the parts joined by <c>concat</c>. <see cref="LayerSource.StreamChain"/> fits the result to the layer's box.
/// </summary>
public static class SceneViewSource
{
    public static string Compose(
        GraphBuilder graph,
        (int Width, int Height) frame,
        TimelineLayer layer,
        SceneViewContent view,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        int first,
        int count)
    {
        var from = first - layer.StartFrame;
        var pieces = new List<string>();
        for (var i = 0; i < view.Scenes.Count; i++)
        {
            var scene = view.Scenes[i];
            var start = Math.Max(from, scene.StartFrame) - scene.StartFrame;
            var end = Math.Min(from + count, scene.StartFrame + scene.FrameCount) - scene.StartFrame;
            if (end > start)
            {
                pieces.Add(SceneComposer.Compose(graph, frame, new SceneWindow(i, scene, start, end), preparedImages));
            }
        }

        var label = graph.NewLabel("w");
        graph.Statement(string.Concat(pieces.Select(p => $"[{p}]"))
            + (pieces.Count == 1 ? "null" : Invariant($"concat=n={pieces.Count}:v=1:a=0"))
            + Invariant($",settb={graph.Fps.TimeBase},setpts=N[{label}]"));
        return label;
    }
}
