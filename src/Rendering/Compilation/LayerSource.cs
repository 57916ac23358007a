using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Where a layer's pixels come from: the chain that yields exactly <c>count</c> yuva420p frames of the layer's box,
/// starting at scene frame <c>first</c>. A still source is one frame, transformed once
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
            $"color=c={solid.Color.ToFfmpeg()}:s={layer.Width}x{layer.Height}:r={graph.Fps},format=yuva420p,trim=end_frame=1{LayerTransformFilters.Static(layer)},loop=loop={count - 1}:size=1:start=0"),

        // A prepared PNG is decoded once and converted once; loop repeats the converted frame.
        _ => Invariant($"[{graph.AddInput(preparedFile ?? throw new InvalidOperationException("The layer was not prepared."))}:v]format=yuva420p{LayerTransformFilters.Static(layer)},loop=loop={count - 1}:size=1:start=0"),
    };
}
