using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates a layer's <c>&lt;animation&gt;</c>s: one with a <c>type</c> is a preset (fade, slide, zoom); one without is
/// a list of <c>&lt;key&gt;</c> keyframes. impossible.io's <c>easein</c>/<c>easeout</c> flags become the contract's easing.
/// </summary>
internal static class AnimationElement
{
    /// <summary>impossible.io's "speed, influence" pair for an ease that is switched on without one.</summary>
    private static readonly (double, double) DefaultPair = (0.333, 0);

    public static JsonObject Translate(TranslationContext context, XElement animation, string jsonPath, string xmlPath)
    {
        var element = new ElementReader(context, animation, jsonPath, xmlPath);
        element.String("type", "type");
        element.Time("duration", "duration");
        element.String("direction", "direction");
        element.Number("from", "from");
        element.Number("to", "to");
        element.String("easing", "easing");
        if (Easing(context, animation, xmlPath) is { } easing)
        {
            element.Set("easing", easing, "easein");
        }

        element.Take("easein");
        element.Take("easeout");
        RefuseMotionBlur(element);
        element.RejectOtherAttributes();
        context.RejectChildren(animation, xmlPath);
        return element.ToObject();
    }

    /// <summary>
    /// Adds the <c>&lt;key&gt;</c>s of an animation without a type to the layer's <paramref name="keyframes"/>; the
    /// animation's easing applies to each key that names none.
    /// </summary>
    public static void TranslateKeyframes(TranslationContext context, XElement animation, string layerJsonPath, string xmlPath, JsonArray keyframes)
    {
        var easing = Easing(context, animation, xmlPath);
        if (animation.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("motionblur", StringComparison.OrdinalIgnoreCase)) is { } blur)
        {
            context.Error($"{xmlPath}/@{blur.Name.LocalName}", MotionBlurRefusal);
        }

        foreach (var key in animation.Elements())
        {
            var keyPath = TranslationContext.ChildPath(xmlPath, key);
            if (key.Name.LocalName != "key")
            {
                context.Unsupported(key, xmlPath, "<key> keyframes");
                continue;
            }

            keyframes.Add(Keyframe(context, key, $"{layerJsonPath}.keyframes[{keyframes.Count}]", keyPath, easing));
        }

        if (!animation.Elements().Any())
        {
            context.Error(xmlPath, "An <animation> needs a type (fadein, fadeout, slidein, slideout, zoom) or <key> keyframes.");
        }
    }

    private static JsonObject Keyframe(TranslationContext context, XElement key, string jsonPath, string xmlPath, JsonNode? easing)
    {
        var element = new ElementReader(context, key, jsonPath, xmlPath);
        element.Time("time", "time");
        if (element.Take("position") is { } position)
        {
            element.Pair("position", position, "x", "y");
        }

        element.Int("x", "x");
        element.Int("y", "y");
        element.Anchor();
        if (element.Take("scale") is { } scale)
        {
            element.Scale(scale);
        }

        element.Number("rotation", "rotation");
        element.Number("opacity", "opacity");
        element.String("color", "color");
        element.Number("fontsize", "fontSize");
        element.String("easing", "easing");
        if (easing is not null && key.Attribute("easing") is null)
        {
            element.Set("easing", easing.DeepClone(), null);
        }

        element.RejectOtherAttributes();
        context.RejectChildren(key, xmlPath);
        return element.ToObject();
    }

    /// <summary>Why <c>motionblur</c> is refused (docs/movie-format.md, "Motion blur"), wherever a template puts it.</summary>
    public const string MotionBlurRefusal =
        "motionblur is not supported: true motion blur needs several rendered sub-frames per frame, which multiplies the render's cost (see the movie format's 'Motion blur' section).";

    public static void RefuseMotionBlur(ElementReader element)
    {
        if (element.Take("motionblur") is not null)
        {
            element.Error("motionblur", MotionBlurRefusal);
        }
    }

    /// <summary>
    /// impossible.io's <c>easein</c>/<c>easeout</c>: flags become one of the contract's named easings; a "speed, influence"
    /// pair (two numbers 0–1) on either makes the easing the cubic Bézier the pairs describe
    /// (<see cref="Model.CubicBezier.FromEasePairs"/>), with "0.333, 0" for a <c>true</c> and "0, 0" for a missing or
    /// <c>false</c> other side, impossible.io's defaults.
    /// </summary>
    private static JsonNode? Easing(TranslationContext context, XElement animation, string xmlPath)
    {
        (double Time, double Value)? Pair(string name, string value)
        {
            var parts = value.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var first) && first is >= 0 and <= 1
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var second) && second is >= 0 and <= 1)
            {
                return (first, second);
            }

            context.Error($"{xmlPath}/@{name}", $"must be true, false or a \"speed, influence\" pair of two numbers 0–1, not '{value}'.");
            return null;
        }

        (bool On, (double Time, double Value)? Pair) Read(string name)
        {
            var value = animation.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.Trim();
            return value?.ToLowerInvariant() switch
            {
                null or "false" or "0" or "no" => (false, null),
                "true" or "1" or "yes" => (true, null),
                _ => (true, Pair(name, value) ?? (0, 0)),
            };
        }

        var (easeIn, easeOut) = (Read("easein"), Read("easeout"));
        if (easeIn.Pair is not null || easeOut.Pair is not null)
        {
            (double, double) Handle((bool On, (double, double)? Pair) ease) => ease.Pair ?? (ease.On ? DefaultPair : (0, 0));
            var bezier = Model.CubicBezier.FromEasePairs(Handle(easeIn), Handle(easeOut));
            return new JsonArray(bezier.X1, bezier.Y1, bezier.X2, bezier.Y2);
        }

        return (easeIn.On, easeOut.On) switch
        {
            (true, true) => "ease-in-out",
            (true, false) => "ease-in",
            (false, true) => "ease-out",
            _ => null,
        };
    }
}
