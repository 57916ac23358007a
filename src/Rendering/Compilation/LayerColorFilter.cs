using System.Globalization;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Colour keyframes: the layer's picture is prepared in opaque white (a solid, or plain text whose alpha is the glyphs'
/// coverage), and one <c>lutyuv</c> per frame sets its Y, U and V planes to the frame's colour and multiplies its alpha
/// by the colour's. <c>sendcmd</c> changes the four values on the frames where the colour changes, as for opacity
/// (<see cref="LayerTransformFilters"/>), so the colour costs a table lookup per pixel and nothing is re-rasterised.
/// Colours are converted with BT.601 limited range, as ffmpeg converts a layer's RGB to yuva420p.
/// bench/color-keyframe-filters.sh compares this with <c>geq</c> and <c>colorchannelmixer</c>.
/// </summary>
public static class LayerColorFilter
{
    /// <summary>The filters that colour the layer per frame (starting with a comma), or "" without colour keyframes.</summary>
    public static string PerFrame(TimelineLayer layer, FrameRange window, FrameRate fps, string name)
    {
        if (layer.Color is not { } track)
        {
            return "";
        }

        var target = $"lutyuv@{name}";
        var first = Math.Max(layer.StartFrame, window.Start);
        var last = Math.Min(layer.EndFrame, window.End);
        var current = track.At(first);
        var commands = new List<string>();
        for (var frame = first + 1; frame < last; frame++)
        {
            var color = track.At(frame);
            if (color != current)
            {
                var at = CurveExpression.Number(fps.Seconds(frame - 0.5));
                commands.Add($"{at} {string.Join(",", Planes(color).Select(plane => $"{target} {plane.Name} {plane.Value}"))}");
                current = color;
            }
        }

        var send = commands.Count == 0 ? "" : $",sendcmd=c='{string.Join(";", commands)}'";
        return $"{send},{target}={string.Join(":", Planes(track.At(first)).Select(plane => $"{plane.Name}={plane.Value}"))}";
    }

    /// <summary>The lutyuv option values that paint <paramref name="color"/>: constant Y, U and V, alpha scaled by its alpha.</summary>
    public static IEnumerable<(string Name, string Value)> Planes(RgbaColor color)
    {
        var (r, g, b) = ((double)color.R, (double)color.G, (double)color.B);
        yield return ("y", Byte(16 + (((65.481 * r) + (128.553 * g) + (24.966 * b)) / 255)));
        yield return ("u", Byte(128 + (((-37.797 * r) - (74.203 * g) + (112 * b)) / 255)));
        yield return ("v", Byte(128 + (((112 * r) - (93.786 * g) - (18.214 * b)) / 255)));
        yield return ("a", color.A == 255 ? "val" : $"val*{CurveExpression.Number(color.A / 255.0)}");
    }

    private static string Byte(double value) => Math.Clamp((int)Math.Round(value), 0, 255).ToString(CultureInfo.InvariantCulture);
}
