using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The frames two scenes share in a transition, blended by <c>xfade</c>. The scenes are yuv420p, which xfade in
/// ffmpeg 5.1 does not take: left to itself, ffmpeg would convert both inputs to yuv444p and the result back on every
/// shared frame, and those conversions cost three times the blend (REF-1 in docs/benchmarks.md). So each plane is
/// blended on its own as a grey picture (<c>extractplanes</c>, three xfades, <c>mergeplanes</c>): no conversion, and
/// the chroma is not resampled. That is the same blend for the transitions that treat every plane alike (crossfade,
/// wipes, slides: a grey chroma plane is the luma's geometry at half size); fadeblack mixes in black, whose chroma a
/// grey plane does not know (it would be 0, not the neutral 128), so it keeps the conversion.
/// </summary>
public static class TransitionBlend
{
    /// <summary>Blends the <paramref name="frames"/> frames of <paramref name="from"/> and <paramref name="to"/>; returns the result's label.</summary>
    public static string Append(GraphBuilder graph, TransitionKind kind, int frames, string from, string to)
    {
        var xfade = Invariant($"xfade=transition={XfadeName(kind)}:duration={graph.Seconds(frames)}:offset=0");
        var label = graph.NewLabel("x");
        if (kind == TransitionKind.FadeBlack)
        {
            graph.Statement($"[{from}][{to}]{xfade},format=yuv420p[{label}]");
            return label;
        }

        var (a, b, blended) = (Labels(graph, "a"), Labels(graph, "b"), Labels(graph, "y"));
        graph.Statement($"[{from}]extractplanes=y+u+v{string.Concat(a.Select(l => $"[{l}]"))}");
        graph.Statement($"[{to}]extractplanes=y+u+v{string.Concat(b.Select(l => $"[{l}]"))}");
        for (var plane = 0; plane < 3; plane++)
        {
            graph.Statement($"[{a[plane]}][{b[plane]}]{xfade}[{blended[plane]}]");
        }

        graph.Statement($"{string.Concat(blended.Select(l => $"[{l}]"))}mergeplanes=map1s=1:map2s=2:format=yuv420p[{label}]");
        return label;
    }

    private static string[] Labels(GraphBuilder graph, string prefix) => [graph.NewLabel(prefix), graph.NewLabel(prefix), graph.NewLabel(prefix)];

    private static string XfadeName(TransitionKind kind) => kind switch
    {
        TransitionKind.Crossfade => "fade",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
