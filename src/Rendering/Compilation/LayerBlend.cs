using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Lays a layer over what is below it with a blend mode other than normal. <c>blend</c> on yuv planes would multiply the
/// chroma planes' offsets, so the modes are computed in planar RGB: the layer is first placed on a transparent frame at
/// its animated position (so moving, scaling and rotating work as with <c>overlay</c>), the frame below and the placed
/// layer are converted to gbrap, <c>blend</c> mixes the colour planes with the mode and keeps the layer's alpha, and the
/// result is laid over the frame below, so the layer's alpha (fades, opacity, transparent edges) still decides how much
/// of the mix shows. The conversions run on every frame of the layer's scene window: the dearest effect
/// (docs/benchmarks.md, "Layer effects"), paid only by layers that ask for a mode.
/// </summary>
public static class LayerBlend
{
    public static string Append(
        GraphBuilder graph, SceneWindow window, (int Width, int Height) frame, BlendMode mode, string layer, string below, string x, string y)
    {
        var (kept, mixed) = (graph.NewLabel("bk"), graph.NewLabel("bm"));
        var (canvas, placed, background, top, blended, result) =
            (graph.NewLabel("bc"), graph.NewLabel("bp"), graph.NewLabel("bb"), graph.NewLabel("bt"), graph.NewLabel("bx"), graph.NewLabel("v"));
        var name = Name(mode);
        graph.Statement(Invariant($"[{below}]split[{kept}][{mixed}]"));
        graph.Statement(Invariant(
            $"color=c=black@0:s={frame.Width}x{frame.Height}:r={graph.Fps},format=yuva420p,trim=end_frame={window.Count}[{canvas}]"));
        graph.Statement(Invariant($"[{canvas}][{layer}]overlay=x='{x}':y='{y}':eof_action=pass:format=yuv420[{placed}]"));
        graph.Statement(Invariant($"[{mixed}]format=gbrap[{background}]"));
        graph.Statement(Invariant($"[{placed}]format=gbrap[{top}]"));

        // blend's first input is the frame below: its overlay and hard light then follow the usual definitions
        // (overlay switches on the base, hard light on the layer); normal with opacity 0 keeps the second input's alpha.
        graph.Statement(Invariant(
            $"[{background}][{top}]blend=c0_mode={name}:c1_mode={name}:c2_mode={name}:c3_mode=normal:c3_opacity=0[{blended}]"));
        graph.Statement(Invariant($"[{kept}][{blended}]overlay=x=0:y=0:format=yuv420[{result}]"));
        return result;
    }

    private static string Name(BlendMode mode) => mode switch
    {
        BlendMode.Multiply => "multiply",
        BlendMode.Screen => "screen",
        BlendMode.Overlay => "overlay",
        BlendMode.SoftLight => "softlight",
        BlendMode.HardLight => "hardlight",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Normal layers are laid over with overlay."),
    };
}
