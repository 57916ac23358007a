using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Lays a layer over what is below it with a blend mode other than normal, computed only on the layer's box
/// (<see cref="LayerBox"/>): the frame below is cropped to the box, the layer is placed on a transparent canvas of the
/// box at its animated position, both are converted to gbrap, <c>blend</c> mixes the colour planes with the mode and
/// keeps the layer's alpha, and the result is laid back over the frame below at the box's corner, so the layer's alpha
/// (fades, opacity, transparent edges) still decides how much of the mix shows.
/// The modes stay in planar RGB: each is a non-linear function of R, G and B, and on yuv planes <c>blend</c> would mix
/// luma with luma and chroma with chroma (offset by 128), which gives other colours for anything but greys
/// (docs/benchmarks.md, "Effects template"). An unchanging layer (<see cref="UnchangingLayer"/>) is placed and converted
/// once and repeated; the frame below is converted on every frame, on the box only.
/// </summary>
public static class LayerBlend
{
    public static string Append(
        GraphBuilder graph, SceneWindow window, BlendMode mode, string layer, string below, (string X, string Y) position, LayerBox box, bool unchanging)
    {
        var (kept, mixed, canvas, background, placed, blended, result) = (graph.NewLabel("bk"), graph.NewLabel("bm"),
            graph.NewLabel("bc"), graph.NewLabel("bb"), graph.NewLabel("bt"), graph.NewLabel("bx"), graph.NewLabel("v"));
        var name = Name(mode);
        var (x, y) = box.Inside(position);
        graph.Statement(Invariant($"[{below}]split[{kept}][{mixed}]"));
        graph.Statement(Invariant($"[{mixed}]{box.Crop},format=gbrap[{background}]"));
        graph.Statement(Invariant($"{box.Canvas(graph.Fps, unchanging ? 1 : window.Count)}[{canvas}]"));
        var repeat = unchanging ? Invariant($",loop=loop={window.Count - 1}:size=1:start=0,setpts=N") : "";
        graph.Statement(Invariant($"[{canvas}][{layer}]overlay=x='{x}':y='{y}':eof_action=pass:format=yuv420,format=gbrap{repeat}[{placed}]"));

        // blend's first input is the frame below: its overlay and hard light then follow the usual definitions
        // (overlay switches on the base, hard light on the layer); normal with opacity 0 keeps the second input's alpha.
        graph.Statement(Invariant(
            $"[{background}][{placed}]blend=c0_mode={name}:c1_mode={name}:c2_mode={name}:c3_mode=normal:c3_opacity=0[{blended}]"));
        graph.Statement(Invariant($"[{kept}][{blended}]overlay=x='{box.Left}':y='{box.Top}':format=yuv420[{result}]"));
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
