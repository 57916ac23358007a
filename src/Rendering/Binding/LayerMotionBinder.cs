using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// Turns a layer's anchor, static transform, keyframes and predefined animations into the frame-based curves of
/// <see cref="LayerMotion"/>. Keyframes that set a property replace its static value; slides add an offset that moves
/// the layer's bounding box fully outside the frame; eased fades multiply the opacity (linear ones become the cheap
/// <c>FadeInFrames</c>/<c>FadeOutFrames</c>); zoom scales the content inside the box.
/// </summary>
internal static class LayerMotionBinder
{
    public static TimelineLayer Bind(TimelineLayer layer, LayerLook look, int frameWidth, int frameHeight, FrameRate fps)
    {
        var (start, end) = (layer.StartFrame, layer.EndFrame);
        var length = end - start;
        int Frames(double seconds) => Math.Min(length, Math.Max(1, fps.ToFrames(seconds)));
        Curve Track(Func<Keyframe, double?> property, double fallback)
        {
            var points = look.Keyframes
                .Where(k => property(k) is not null)
                .Select(k => new CurvePoint(start + fps.ToFrames(k.Time), property(k)!.Value, k.Easing) { Bezier = k.Bezier })
                .ToList();
            return points.Count == 0 ? Curve.Constant(fallback) : new Curve(points);
        }

        Anchor? AnchorOf(string? name, AnchorOffset? offset) =>
            offset is not null ? Anchor.FromCentre(offset, layer.Width, layer.Height) : name is null ? null : Anchor.Parse(name);
        var anchor = AnchorOf(look.Anchor, look.AnchorOffset)!.Value;
        var motion = new LayerMotion(
            Track(k => AnchorOf(k.Anchor, k.AnchorOffset)?.Fx, anchor.Fx),
            Track(k => AnchorOf(k.Anchor, k.AnchorOffset)?.Fy, anchor.Fy),
            Track(k => k.X, layer.X),
            Track(k => k.Y, layer.Y),
            Curve.Constant(0),
            Curve.Constant(0),
            Track(k => k.ScaleX ?? k.Scale, look.ScaleX ?? look.Scale),
            Track(k => k.ScaleY ?? k.Scale, look.ScaleY ?? look.Scale),
            Track(k => k.Rotation, look.Rotation),
            Track(k => k.Opacity, look.Opacity),
            Curve.Constant(1),
            Curve.Constant(1));

        var (fadeIn, fadeOut) = (layer.FadeInFrames, layer.FadeOutFrames);
        var fade = new List<CurvePoint>();
        var (offsetX, offsetY) = (new List<CurvePoint>(), new List<CurvePoint>());
        foreach (var animation in look.Animations.OrderBy(a => a.Type is "fadein" or "slidein" ? 0 : 1))
        {
            var frames = animation.Duration is { } seconds ? Frames(seconds) : animation.Type == "zoom" ? length : Frames(0.5);
            switch (animation.Type)
            {
                case "fadein" when IsLinear(animation):
                    fadeIn = Math.Max(fadeIn, frames);
                    break;
                case "fadeout" when IsLinear(animation):
                    fadeOut = Math.Max(fadeOut, frames);
                    break;
                case "fadein":
                    fade.AddRange([Eased(start, 0, animation), new CurvePoint(start + frames, 1)]);
                    break;
                case "fadeout":
                    fade.AddRange([Eased(end - frames, 1, animation), new CurvePoint(end, 0)]);
                    break;
                case "slidein":
                {
                    var rest = start + frames;
                    var (dx, dy) = OutsideFrame(motion, layer, rest, animation.Direction, frameWidth, frameHeight);
                    offsetX.AddRange([Eased(start, dx, animation), new CurvePoint(rest, 0)]);
                    offsetY.AddRange([Eased(start, dy, animation), new CurvePoint(rest, 0)]);
                    break;
                }

                case "slideout":
                {
                    var leave = end - frames;
                    var (dx, dy) = OutsideFrame(motion, layer, leave, animation.Direction, frameWidth, frameHeight);
                    offsetX.AddRange([Eased(leave, 0, animation), new CurvePoint(end, dx)]);
                    offsetY.AddRange([Eased(leave, 0, animation), new CurvePoint(end, dy)]);
                    break;
                }

                case "zoom":
                    motion = motion with { Zoom = new Curve([Eased(start, animation.From, animation), new CurvePoint(start + frames, animation.To)]) };
                    break;
            }
        }

        motion = motion with
        {
            Fade = Sequence(fade, 1),
            OffsetX = Sequence(offsetX, 0),
            OffsetY = Sequence(offsetY, 0),
        };
        var animated = layer with { FadeInFrames = fadeIn, FadeOutFrames = fadeOut, Motion = motion };
        return WithFontScale(WithColorTrack(animated, look, fps), look, fps);
    }

    /// <summary>
    /// Font size keyframes: the text is rasterised once at the largest size they reach, and <see cref="TimelineLayer.FontScale"/>
    /// is each keyframe's size as a fraction of it, eased like any keyframed number.
    /// </summary>
    private static TimelineLayer WithFontScale(TimelineLayer layer, LayerLook look, FrameRate fps)
    {
        var keyframes = look.Keyframes.Where(k => k.FontSize is not null).ToList();
        if (keyframes.Count == 0 || layer.Content is not TextContent text)
        {
            return layer;
        }

        var largest = keyframes.Max(k => k.FontSize!.Value);
        var scale = new Curve([.. keyframes.Select(k =>
            new CurvePoint(layer.StartFrame + fps.ToFrames(k.Time), k.FontSize!.Value / largest, k.Easing) { Bezier = k.Bezier })]);
        return layer with
        {
            Content = new TextContent(text.Block with { FontSize = (float)largest }),
            FontScale = scale.IsConstant ? null : scale,
        };
    }

    /// <summary>
    /// Colour keyframes become a <see cref="ColorTrack"/> (the layer's own colour where no keyframe sets one) and the
    /// content is prepared in opaque white, which the compiler recolours per frame.
    /// </summary>
    private static TimelineLayer WithColorTrack(TimelineLayer layer, LayerLook look, FrameRate fps)
    {
        var keyframes = look.Keyframes.Where(k => k.Color is not null).ToList();
        var white = new RgbaColor(255, 255, 255);
        var (own, content) = layer.Content switch
        {
            SolidContent solid => (solid.Color, (LayerContent)new SolidContent(white)),
            TextContent text => (text.Block.Color, new TextContent(text.Block with { Color = white })),
            _ => (default(RgbaColor), layer.Content),
        };
        if (keyframes.Count == 0 || layer.Content is not (SolidContent or TextContent))
        {
            return layer;
        }

        Curve Channel(Func<RgbaColor, byte> channel) => new([.. keyframes.Select(k =>
            new CurvePoint(layer.StartFrame + fps.ToFrames(k.Time), channel(k.Color!.Value), k.Easing) { Bezier = k.Bezier })]);
        var track = new ColorTrack(Channel(c => c.R), Channel(c => c.G), Channel(c => c.B), Channel(c => c.A));
        return track.Red.IsConstant && track.Green.IsConstant && track.Blue.IsConstant && track.Alpha.IsConstant && track.At(0) == own
            ? layer
            : layer with { Content = content, Color = track };
    }

    private static bool IsLinear(LayerAnimation animation) => animation.Easing == Easing.Linear && animation.Bezier is null;

    private static CurvePoint Eased(int frame, double value, LayerAnimation animation) =>
        new(frame, value, animation.Easing) { Bezier = animation.Bezier };

    /// <summary>An in-animation's points followed by an out-animation's; if they overlap, the out-animation starts where the in-animation ends.</summary>
    private static Curve Sequence(List<CurvePoint> points, double constant)
    {
        if (points.Count == 0)
        {
            return Curve.Constant(constant);
        }

        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Frame < points[i - 1].Frame)
            {
                points[i] = points[i] with { Frame = points[i - 1].Frame };
            }
        }

        return new Curve(points);
    }

    /// <summary>
    /// How far the anchor must move (at <paramref name="frame"/>) so that the layer's bounding box is just outside the
    /// frame on the given side. A rotated layer is treated as the circle around its box so no corner stays visible.
    /// </summary>
    private static (double Dx, double Dy) OutsideFrame(LayerMotion motion, TimelineLayer layer, int frame, string direction, int frameWidth, int frameHeight)
    {
        var (w, h) = (layer.Width * motion.ScaleX.ValueAt(frame), layer.Height * motion.ScaleY.ValueAt(frame));
        var (ax, ay) = (motion.X.ValueAt(frame), motion.Y.ValueAt(frame));
        double left, top, right, bottom;
        if (motion.Rotation.IsConstant && motion.Rotation.Points[0].Value % 360 == 0)
        {
            (left, top) = (ax - (motion.AnchorX.ValueAt(frame) * w), ay - (motion.AnchorY.ValueAt(frame) * h));
            (right, bottom) = (left + w, top + h);
        }
        else
        {
            var radius = Math.Sqrt((w * w) + (h * h));
            (left, top, right, bottom) = (ax - radius, ay - radius, ax + radius, ay + radius);
        }

        return direction switch
        {
            "left" => (-Math.Ceiling(right), 0),
            "right" => (Math.Ceiling(frameWidth - left), 0),
            "up" => (0, -Math.Ceiling(bottom)),
            _ => (0, Math.Ceiling(frameHeight - top)),
        };
    }
}
