using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Text;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Font size keyframes: the text was rasterised once at the largest size they reach; per frame its picture is scaled by
/// <see cref="TimelineLayer.FontScale"/> (<c>scale</c> with <c>eval=frame</c>) and laid on a transparent canvas the size
/// of the box so that the text's alignment point (left, centre or right edge inside the padding; top, middle or bottom)
/// stays where it is. The box keeps its size, so anchor, scale, rotation, opacity and colour apply as for any layer.
/// Lines are laid out once at the largest size, so they do not re-wrap as the size changes.
/// </summary>
public static class TextSizeFilter
{
    /// <summary>
    /// Continues <paramref name="chain"/> (frames already timed in scene frames from <paramref name="first"/>) with the
    /// font-size step, or returns it unchanged when the layer has no font size keyframes.
    /// </summary>
    public static string Apply(GraphBuilder graph, TimelineLayer layer, string chain, int first, int count)
    {
        if (layer.FontScale is not { } fontScale || layer.Content is not TextContent text)
        {
            return chain;
        }

        var (w, h) = (layer.Width, layer.Height);
        var padding = text.Block.Padding;
        double pointX = text.Block.Align switch { TextAlign.Left => padding, TextAlign.Right => w - padding, _ => w / 2.0 };
        double pointY = text.Block.VerticalAlign switch { TextVerticalAlign.Top => padding, TextVerticalAlign.Bottom => h - padding, _ => h / 2.0 };
        var factor = CurveExpression.Of(fontScale, "t", graph.Fps);
        var (scaled, canvas) = (graph.NewLabel("fs"), graph.NewLabel("fc"));
        graph.Statement(Invariant($"{chain},scale=w='max(1,round({w}*({factor})))':h='max(1,round({h}*({factor})))':eval=frame[{scaled}]"));
        graph.Statement(Invariant(
            $"color=c=black@0:s={w}x{h}:r={graph.Fps},format=yuva420p,trim=end_frame={count},settb={graph.Fps.TimeBase},setpts=N+{first}[{canvas}]"));
        var x = CurveExpression.Number(pointX);
        var y = CurveExpression.Number(pointY);
        return Invariant(
            $"[{canvas}][{scaled}]overlay=x='{x}-{CurveExpression.Number(pointX / w)}*w':y='{y}-{CurveExpression.Number(pointY / h)}*h':eof_action=pass:format=yuv420");
    }
}
