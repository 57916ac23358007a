using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates a layer's <c>&lt;animation&gt;</c>s: one with a <c>type</c> is a preset (fade, slide, zoom); one without is
/// a list of <c>&lt;key&gt;</c> keyframes. impossible.io's <c>easein</c>/<c>easeout</c> flags become the contract's easing.
/// </summary>
internal static class AnimationElement
{
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

    private static JsonObject Keyframe(TranslationContext context, XElement key, string jsonPath, string xmlPath, string? easing)
    {
        var element = new ElementReader(context, key, jsonPath, xmlPath);
        element.Time("time", "time");
        if (element.Take("position") is { } position)
        {
            element.Pair("position", position, "x", "y");
        }

        element.Int("x", "x");
        element.Int("y", "y");
        if (element.Take("scale") is { } scale)
        {
            element.Scale(scale);
        }

        element.Number("rotation", "rotation");
        element.Number("opacity", "opacity");
        element.String("easing", "easing");
        if (easing is not null && key.Attribute("easing") is null)
        {
            element.Set("easing", easing, null);
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

    /// <summary>impossible.io's <c>easein</c>/<c>easeout</c> flags as one of the contract's easings.</summary>
    private static string? Easing(TranslationContext context, XElement animation, string xmlPath)
    {
        bool Flag(string name)
        {
            var value = animation.Attribute(name)?.Value.Trim().ToLowerInvariant();
            if (value is null or "false" or "0" or "no")
            {
                return false;
            }

            if (value is not ("true" or "1" or "yes"))
            {
                context.Error($"{xmlPath}/@{name}", $"must be true or false; speed and influence pairs ('{value}') are not supported.");
            }

            return true;
        }

        var (easeIn, easeOut) = (Flag("easein"), Flag("easeout"));
        return (easeIn, easeOut) switch
        {
            (true, true) => "ease-in-out",
            (true, false) => "ease-in",
            (false, true) => "ease-out",
            _ => null,
        };
    }
}
