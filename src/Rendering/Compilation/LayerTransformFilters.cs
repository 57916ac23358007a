using System.Globalization;
using System.Text;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The filters that place, scale, rotate, zoom and fade one layer, and the overlay position that goes with them.
/// What does not change over time is applied to the single prepared frame before it is looped, so it costs one
/// filter run per render; only animated properties run per frame:
/// <list type="bullet">
/// <item>Zoom (Ken Burns): <c>scale</c> with <c>eval=frame</c> to the zoomed size, then <c>crop</c> back to the box around
/// its centre. Sizes are whole pixels so the content moves by at most half a pixel per frame, which stays smooth;
/// <c>zoompan</c> was not used because it rounds its crop window in input pixels, which visibly jitters.</item>
/// <item>Scale: <c>scale</c> with <c>eval=frame</c>, each axis by its own factor; the overlay position compensates so
/// the anchor stays put.</item>
/// <item>Rotation: <c>rotate</c> into a fixed square big enough for the box at its largest scale, transparent outside,
/// and the overlay places that square so the layer turns around its anchor.</item>
/// <item>Opacity: the <c>fade</c> filter for linear fades (cheapest), otherwise <c>lutyuv</c> on the alpha plane whose
/// factor <c>sendcmd</c> changes on the frames where it changes. <c>bench/opacity-filters.sh</c> measured a 1280x720
/// layer over 300 frames at 1080p (docs/benchmarks.md): <c>geq</c> on alpha is over ten times slower, and
/// <c>colorchannelmixer</c> driven by <c>sendcmd</c> about twice as slow because it needs RGBA and a conversion per
/// frame; <c>fade</c> is cheapest but only ramps linearly between 0 and 1.</item>
/// </list>
/// Per-layer filters see scene time <c>t</c> (curves are in scene frames), so a segment computes exactly what the whole
/// render does.
/// </summary>
public static class LayerTransformFilters
{
    private const double Epsilon = 1e-9;

    /// <summary>Filters for the single decoded frame, run once before the frame is looped (each starts with a comma).</summary>
    public static string Static(TimelineLayer layer)
    {
        var motion = layer.Motion;
        var filters = new StringBuilder();
        var (w, h) = (layer.Width, layer.Height);
        if (layer.FontScale is null && motion.Zoom.IsConstant && !IsOne(motion.Zoom.Points[0].Value))
        {
            var zoom = motion.Zoom.Points[0].Value;
            filters.Append(Invariant($",scale=w={ZoomedSize(w, zoom)}:h={ZoomedSize(h, zoom)},crop=w={w}:h={h}"));
        }

        if (GeometryIsStatic(layer))
        {
            var (scaleX, scaleY) = (motion.ScaleX.Points[0].Value, motion.ScaleY.Points[0].Value);
            if (!(IsOne(scaleX) && IsOne(scaleY)) && IsOne(PreparedScale(layer)))
            {
                filters.Append(Invariant($",scale=w={ScaledSize(w, scaleX)}:h={ScaledSize(h, scaleY)}"));
            }

            if (IsRotated(motion))
            {
                var side = RotatedSide(layer);
                filters.Append(Invariant($",rotate=a={CurveExpression.Number(Radians(motion.Rotation.Points[0].Value))}:ow={side}:oh={side}:c=none"));
            }
        }

        if (motion.Opacity.IsConstant && motion.Fade.IsConstant && !IsOne(motion.OpacityAt(0)))
        {
            filters.Append(Invariant($",lutyuv=a=val*{CurveExpression.Number(motion.OpacityAt(0))}"));
        }

        return filters.ToString();
    }

    /// <summary>
    /// The scale a text or shape layer is drawn at when it is prepared: its static scale, so it stays sharp instead of
    /// being resampled, and the compiler does not scale it again. 1 for everything else (and when scale or zoom move, or
    /// the axes scale differently: such a picture is drawn at the box's size and stretched by <c>scale</c>).
    /// The prepared picture is then <see cref="ScaledSize"/> of the box on each side.
    /// </summary>
    public static double PreparedScale(TimelineLayer layer)
    {
        var motion = layer.Motion;
        return layer.Content is TextContent or ShapeContent && layer.FontScale is null && motion.ScaleX.IsConstant && motion.ScalesUniformly
            && motion.Zoom.IsConstant && IsOne(motion.Zoom.Points[0].Value)
            ? motion.ScaleX.Points[0].Value
            : 1;
    }

    /// <summary>
    /// Filters run per frame on the looped layer, whose <c>t</c> is scene time. <paramref name="name"/> makes the
    /// instance names unique in the graph; only scene frames of <paramref name="window"/> get opacity commands.
    /// </summary>
    public static string PerFrame(TimelineLayer layer, FrameRange window, FrameRate fps, string name)
    {
        var motion = layer.Motion;
        var filters = new StringBuilder();
        var (w, h) = (layer.Width, layer.Height);
        if (!motion.Zoom.IsConstant || (layer.FontScale is not null && !IsConstantly(motion.Zoom, 1)))
        {
            var zoom = CurveExpression.Of(motion.Zoom, "t", fps);
            filters.Append(Invariant(
                $",scale=w='{ZoomedSizeExpression(w, zoom)}':h='{ZoomedSizeExpression(h, zoom)}':eval=frame,crop=w={w}:h={h}:x='trunc(({ZoomedSizeExpression(w, zoom)}-{w})/2)':y='trunc(({ZoomedSizeExpression(h, zoom)}-{h})/2)'"));
        }

        if (!GeometryIsStatic(layer))
        {
            if (!(IsConstantly(motion.ScaleX, 1) && IsConstantly(motion.ScaleY, 1)))
            {
                var (scaleX, scaleY) = (CurveExpression.Of(motion.ScaleX, "t", fps), CurveExpression.Of(motion.ScaleY, "t", fps));
                filters.Append(Invariant($",scale=w='{ScaledSizeExpression(w, scaleX)}':h='{ScaledSizeExpression(h, scaleY)}':eval=frame"));
            }

            if (IsRotated(motion))
            {
                var side = RotatedSide(layer);
                filters.Append(Invariant(
                    $",rotate=a='({CurveExpression.Of(motion.Rotation, "t", fps)})*PI/180':ow={side}:oh={side}:c=none"));
            }
        }

        if (!motion.Opacity.IsConstant || !motion.Fade.IsConstant)
        {
            filters.Append(OpacityCommands(layer, window, fps, $"lutyuv@{name}"));
        }

        return filters.ToString();
    }

    /// <summary>The overlay's x and y expressions; <paramref name="time"/> is the scene time in seconds as an expression.</summary>
    public static (string X, string Y) Position(TimelineLayer layer, FrameRate fps, string time)
    {
        var motion = layer.Motion;
        var anchorX = Sum(CurveExpression.Of(motion.X, time, fps), CurveExpression.Of(motion.OffsetX, time, fps));
        var anchorY = Sum(CurveExpression.Of(motion.Y, time, fps), CurveExpression.Of(motion.OffsetY, time, fps));
        var (scaleX, scaleY) = (CurveExpression.Of(motion.ScaleX, time, fps), CurveExpression.Of(motion.ScaleY, time, fps));
        var (w, h) = (layer.Width, layer.Height);
        var (fx, fy) = (CurveExpression.Of(motion.AnchorX, time, fps), CurveExpression.Of(motion.AnchorY, time, fps));
        if (!IsRotated(motion))
        {
            // The scaled frame is whole pixels wide; placing it by its real size keeps the anchor exact.
            var width = motion.ScaleX.IsConstant ? Invariant($"{ScaledSize(w, motion.ScaleX.Points[0].Value)}") : ScaledSizeExpression(w, scaleX);
            var height = motion.ScaleY.IsConstant ? Invariant($"{ScaledSize(h, motion.ScaleY.Points[0].Value)}") : ScaledSizeExpression(h, scaleY);
            return (Minus(anchorX, fx, width), Minus(anchorY, fy, height));
        }

        // The rotated square has the box's centre at its centre; the centre turns around the anchor.
        var angle = $"(({CurveExpression.Of(motion.Rotation, time, fps)})*PI/180)";
        var toCentreX = Invariant($"({scaleX})*(0.5-({fx}))*{w}");
        var toCentreY = Invariant($"({scaleY})*(0.5-({fy}))*{h}");
        var half = RotatedSide(layer) / 2;
        return (
            Invariant($"{anchorX}+cos({angle})*{toCentreX}-sin({angle})*{toCentreY}-{half}"),
            Invariant($"{anchorY}+sin({angle})*{toCentreX}+cos({angle})*{toCentreY}-{half}"));
    }

    /// <summary>
    /// <c>sendcmd</c> sets the alpha factor of a <c>lutyuv</c> on each frame where the factor (rounded to 1/1000)
    /// changes; a command fires half a frame early so float time never makes it miss its frame.
    /// </summary>
    private static string OpacityCommands(TimelineLayer layer, FrameRange window, FrameRate fps, string target)
    {
        var first = Math.Max(layer.StartFrame, window.Start);
        var last = Math.Min(layer.EndFrame, window.End);
        var commands = new List<string>();
        var initial = Rounded(layer.Motion.OpacityAt(first));
        var current = initial;
        for (var frame = first + 1; frame < last; frame++)
        {
            var value = Rounded(layer.Motion.OpacityAt(frame));
            if (value != current)
            {
                commands.Add(Invariant($"{CurveExpression.Number(fps.Seconds(frame - 0.5))} {target} a val*{CurveExpression.Number(value)}"));
                current = value;
            }
        }

        var send = commands.Count == 0 ? "" : $",sendcmd=c='{string.Join(";", commands)}'";
        return Invariant($"{send},{target}=a=val*{CurveExpression.Number(initial)}");
    }

    private static double Rounded(double value) => Math.Round(Math.Clamp(value, 0, 1), 3);

    /// <summary>Whether zoom, scale and rotation can be applied once to the prepared picture: they do not move, and no font size step runs per frame before them.</summary>
    private static bool GeometryIsStatic(TimelineLayer layer) => layer.FontScale is null
        && layer.Motion.Zoom.IsConstant && layer.Motion.ScaleX.IsConstant && layer.Motion.ScaleY.IsConstant && layer.Motion.Rotation.IsConstant;

    private static bool IsConstantly(Curve curve, double value) => curve.IsConstant && Math.Abs(curve.Points[0].Value - value) < Epsilon;

    private static bool IsRotated(LayerMotion motion) => motion.Rotation.Points.Any(p => Math.Abs(p.Value % 360) > Epsilon);

    private static bool IsOne(double value) => Math.Abs(value - 1) < Epsilon;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>The largest frame these filters hand to <c>overlay</c>: the box at its largest scale, or the rotation square.</summary>
    public static (int Width, int Height) LargestFrame(TimelineLayer layer)
    {
        if (IsRotated(layer.Motion))
        {
            var side = RotatedSide(layer);
            return (side, side);
        }

        return (ScaledSize(layer.Width, layer.Motion.ScaleX.Max), ScaledSize(layer.Height, layer.Motion.ScaleY.Max));
    }

    /// <summary>An even square side that holds the box at its largest scale in any rotation.</summary>
    private static int RotatedSide(TimelineLayer layer)
    {
        var (w, h) = (layer.Width * layer.Motion.ScaleX.Max, layer.Height * layer.Motion.ScaleY.Max);
        var diagonal = Math.Sqrt((w * w) + (h * h));
        return ((int)Math.Ceiling(diagonal / 2) * 2) + 2;
    }

    public static int ScaledSize(int size, double scale) => Math.Max(1, (int)Math.Round(size * scale, MidpointRounding.AwayFromZero));

    private static string ScaledSizeExpression(int size, string scale) => Invariant($"max(1,round({size}*({scale})))");

    private static int ZoomedSize(int size, double zoom) => Math.Max(size, (int)Math.Round(size * zoom, MidpointRounding.AwayFromZero));

    private static string ZoomedSizeExpression(int size, string zoom) => Invariant($"max({size},round({size}*({zoom})))");

    private static string Sum(string a, string b) => b == "0" ? a : $"{a}+{b}";

    private static string Minus(string anchor, string fraction, string size) =>
        fraction == "0" ? anchor : Invariant($"{anchor}-({fraction})*{size}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
