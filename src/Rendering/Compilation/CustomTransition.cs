using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// A custom transition's frames: its own background with its layers laid over it like a scene's
/// (<see cref="SceneComposer"/>), where a layer with <see cref="NeighbourContent"/> takes its pixels from the frames the
/// two scenes share (the scene before's last frames, the scene after's first), frame for frame, stretched to its box.
/// Each scene's shared frames are split once per layer that shows them; a scene no layer shows is discarded.
/// </summary>
public static class CustomTransition
{
    public static string Append(
        GraphBuilder graph,
        (int Width, int Height) frame,
        SceneTransition transition,
        string from,
        string to,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages)
    {
        var previous = new Queue<string>(Copies(graph, from, transition.Layers.Count(l => l.Content is NeighbourContent { Incoming: false })));
        var next = new Queue<string>(Copies(graph, to, transition.Layers.Count(l => l.Content is NeighbourContent { Incoming: true })));
        var window = new SceneWindow(0, new TimelineScene(0, transition.Frames, transition.Background, transition.Layers), 0, transition.Frames);
        var current = SceneComposer.Background(graph, frame, transition.Background, transition.Frames);
        foreach (var layer in transition.Layers)
        {
            var stream = layer.Content is NeighbourContent neighbour ? (neighbour.Incoming ? next : previous).Dequeue() : null;
            current = LayerGraph.Overlay(graph, window, frame, layer, preparedImages, current, stream);
        }

        return current;
    }

    private static List<string> Copies(GraphBuilder graph, string stream, int count)
    {
        if (count == 0)
        {
            graph.Statement($"[{stream}]nullsink");
            return [];
        }

        if (count == 1)
        {
            return [stream];
        }

        var copies = Enumerable.Range(0, count).Select(_ => graph.NewLabel("n")).ToList();
        graph.Statement(Invariant($"[{stream}]split={count}{string.Concat(copies.Select(c => $"[{c}]"))}"));
        return copies;
    }
}
