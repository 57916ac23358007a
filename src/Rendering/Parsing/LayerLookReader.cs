using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads the fields every visual layer shares: anchor, scale, rotation, opacity, blend, condition, animations and keyframes.</summary>
internal static class LayerLookReader
{
    public const double MinScale = 0.01;
    public const double MaxScale = 100;
    public const double MaxRotation = 36_000;
    public const double MaxZoom = 10;
    public const int MaxKeyframes = 100;
    public const int MaxAnimations = 10;

    private static readonly string[] AnimationTypes = ["fadein", "fadeout", "slidein", "slideout", "zoom"];
    private static readonly string[] Directions = ["left", "right", "up", "down"];

    /// <summary><c>"anchor": {"x", "y"}</c>: pixels from the box's centre (impossible.io's anchor offsets).</summary>
    private static AnchorOffset ReadAnchorOffset(ObjectReader reader)
    {
        var offset = new AnchorOffset(
            reader.Number("x", 0, -MovieLimits.MaxSize, MovieLimits.MaxSize, required: true),
            reader.Number("y", 0, -MovieLimits.MaxSize, MovieLimits.MaxSize, required: true));
        reader.RejectUnknownMembers();
        return offset;
    }

    public static LayerLook Read(ObjectReader reader)
    {
        var offset = reader.IsObject("anchor") ? ReadAnchorOffset(reader.Object("anchor")!) : null;
        var anchor = offset is null ? reader.Choice("anchor", "top-left", Anchor.Names) : "center";
        var scale = reader.BindableNumber("scale", 1, MinScale, MaxScale);
        var rotation = reader.BindableNumber("rotation", 0, -MaxRotation, MaxRotation);
        var opacity = reader.BindableNumber("opacity", 1, 0, 1);
        var condition = ReadCondition(reader);
        var animations = reader.Objects("animations", MaxAnimations).Select(ReadAnimation).OfType<LayerAnimation>().ToList();
        var keyframes = reader.Objects("keyframes", MaxKeyframes).Select(ReadKeyframe).ToList();
        for (var i = 1; i < keyframes.Count; i++)
        {
            if (keyframes[i].Time <= keyframes[i - 1].Time)
            {
                reader.Error($"keyframes[{i}].time", "must be later than the keyframe before it.");
            }
        }

        foreach (var type in new[] { "fadein", "fadeout", "slidein", "slideout", "zoom" })
        {
            if (animations.Count(a => a.Type == type) > 1)
            {
                reader.Error("animations", $"has more than one '{type}' animation.");
            }
        }

        return new LayerLook(anchor, scale, rotation, opacity, condition, animations, keyframes)
        {
            AnchorOffset = offset,
            ScaleX = reader.OptionalBindableNumber("scaleX", MinScale, MaxScale),
            ScaleY = reader.OptionalBindableNumber("scaleY", MinScale, MaxScale),
            Blend = LayerEffectsReader.ReadBlend(reader),
            Filters = LayerEffectsReader.ReadFilters(reader),
        };
    }

    private static string? ReadCondition(ObjectReader reader)
    {
        var condition = reader.OptionalTemplate("condition");
        if (condition is null)
        {
            return null;
        }

        var name = condition.StartsWith('!') ? condition[1..] : condition;
        if (!Binding.VariableTemplate.IsVariableName(name))
        {
            reader.Error("condition", $"'{condition}' is not a variable name, optionally preceded by '!' (write the name without ${{}}).");
            return null;
        }

        return condition;
    }

    private static LayerAnimation? ReadAnimation(ObjectReader reader)
    {
        var type = reader.Choice("type", "", AnimationTypes);
        if (type.Length == 0 && !reader.Has("type"))
        {
            reader.Error("type", $"is required ({string.Join(", ", AnimationTypes)}).");
        }

        var duration = reader.OptionalNumber("duration", 0.001, MovieLimits.MaxMovieSeconds);
        var (easing, bezier) = EasingReader.Read(reader);
        var direction = "left";
        var (from, to) = (1.0, 1.0);
        if (type is "slidein" or "slideout")
        {
            direction = reader.Choice("direction", "", Directions);
            if (!reader.Has("direction"))
            {
                reader.Error("direction", "is required for a slide (left, right, up or down).");
            }
        }
        else if (type == "zoom")
        {
            from = reader.Number("from", 1, 1, MaxZoom);
            to = reader.Number("to", 1.2, 1, MaxZoom);
        }

        reader.RejectUnknownMembers();
        return type.Length == 0 ? null : new LayerAnimation(type, duration, direction, from, to, easing) { Bezier = bezier };
    }

    private static RgbaColor? ReadKeyframeColor(ObjectReader reader)
    {
        if (!reader.Has("color"))
        {
            reader.Allow("color");
            return null;
        }

        var text = reader.Color("color", "");
        if (RgbaColor.TryParse(text, out var color))
        {
            return color;
        }

        if (text.Length > 0)
        {
            reader.Error("color", "must be a colour without variables in a keyframe (#rgb, #rrggbb or #rrggbbaa).");
        }

        return null;
    }

    private static Keyframe ReadKeyframe(ObjectReader reader)
    {
        double? Optional(string member, double min, double max) =>
            reader.Has(member) ? reader.Number(member, min, min, max) : Known(member);
        double? OptionalInt(string member, int min, int max) =>
            reader.Has(member) ? reader.Int(member, min, min, max) : Known(member);
        double? Known(string member)
        {
            reader.Allow(member);
            return null;
        }

        var (easing, bezier) = EasingReader.Read(reader);
        var anchorOffset = reader.IsObject("anchor") ? ReadAnchorOffset(reader.Object("anchor")!) : null;
        var anchor = anchorOffset is null && reader.Has("anchor") ? reader.Choice("anchor", "top-left", Anchor.Names) : null;
        var keyframe = new Keyframe(
            reader.Number("time", 0, 0, MovieLimits.MaxMovieSeconds, required: true),
            OptionalInt("x", -MovieLimits.MaxSize, MovieLimits.MaxSize),
            OptionalInt("y", -MovieLimits.MaxSize, MovieLimits.MaxSize),
            Optional("scale", MinScale, MaxScale),
            Optional("rotation", -MaxRotation, MaxRotation),
            Optional("opacity", 0, 1),
            easing)
        {
            Bezier = bezier,
            Anchor = anchor,
            AnchorOffset = anchorOffset,
            Color = ReadKeyframeColor(reader),
            FontSize = Optional("fontSize", 1, MovieLimits.MaxFontSize),
            ScaleX = Optional("scaleX", MinScale, MaxScale),
            ScaleY = Optional("scaleY", MinScale, MaxScale),
        };
        reader.RejectUnknownMembers();
        return keyframe;
    }
}
