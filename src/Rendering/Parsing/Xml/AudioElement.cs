using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates an <c>&lt;audio&gt;</c>: the movie-wide track (a child of <c>&lt;movie&gt;</c>) or an audio layer of a
/// scene, which also has timing and a condition. A layer of <c>type="tts"</c> speaks its text (the element's text, or a
/// <c>&lt;speak&gt;</c> SSML child kept as written) in its <c>voice</c>: JSON <c>speech</c> and <c>voice</c>.
/// </summary>
internal static class AudioElement
{
    public static JsonObject Translate(TranslationContext context, XElement audio, string jsonPath, string xmlPath, bool layer)
    {
        context.Origin(jsonPath, xmlPath);
        var element = new ElementReader(context, audio, jsonPath, xmlPath);
        if (layer)
        {
            element.Set("type", "audio", null);
        }

        var tts = false;
        if (element.Take("type") is { } type)
        {
            tts = type == "tts" && layer;
            if (!tts)
            {
                context.Error($"{xmlPath}/@type", layer
                    ? $"Audio of type '{type}' is not supported: leave type out for a file, or use type=\"tts\" for text to speech."
                    : "The movie's audio track is a file; text to speech (type=\"tts\") is an <audio> layer of a scene.");
            }
        }

        if (tts)
        {
            element.String("voice", "voice");
            if (Speech(context, audio, xmlPath) is { } text)
            {
                element.Set("speech", text, null);
                context.Origin($"{jsonPath}.speech", xmlPath);
            }
        }

        element.String("src", "url");
        element.String("url", "url");
        if (element.Take("volume") is { } volume)
        {
            // impossible.io-style levels in decibels ("-6dB") are the JSON gain.
            var trimmed = volume.Trim();
            if (trimmed.EndsWith("db", StringComparison.OrdinalIgnoreCase))
            {
                element.Number("volume", "gain", trimmed[..^2].Trim());
            }
            else
            {
                element.Number("volume", "volume", trimmed);
            }
        }

        element.Number("gain", "gain");
        element.Time("skip", "in");
        element.Time("in", "in");
        element.Bool("loop", "loop");
        element.Time("fadein", "fadeIn");
        element.Time("fadeout", "fadeOut");
        if (layer)
        {
            element.Time("offset", "start");
            element.Time("start", "start");
            element.Time("duration", "duration");
            element.String("condition", "condition");
        }

        if (!tts && VolumeCurve(context, audio, jsonPath, xmlPath) is { } curve)
        {
            element.Set("volumeCurve", curve, null);
        }

        element.RejectOtherAttributes();
        return element.ToObject();
    }

    /// <summary><c>&lt;key time volume easing&gt;</c> children: the sound's <c>volumeCurve</c>; nothing else is allowed inside a file's audio.</summary>
    private static JsonArray? VolumeCurve(TranslationContext context, XElement audio, string jsonPath, string xmlPath)
    {
        var points = new JsonArray();
        foreach (var child in audio.Elements())
        {
            var childPath = TranslationContext.ChildPath(xmlPath, child);
            if (child.Name.LocalName != "key")
            {
                context.Unsupported(child, xmlPath, "<key time volume easing> (a volume curve)");
                continue;
            }

            var key = new ElementReader(context, child, $"{jsonPath}.volumeCurve[{points.Count}]", childPath);
            key.Time("time", "time");
            key.Number("volume", "volume");
            key.String("easing", "easing");
            key.RejectOtherAttributes();
            context.RejectChildren(child, childPath);
            points.Add(key.ToObject());
        }

        return points.Count == 0 ? null : points;
    }

    /// <summary>The text to speak: one <c>&lt;speak&gt;</c> child (SSML) or the element's own text.</summary>
    private static string? Speech(TranslationContext context, XElement audio, string xmlPath)
    {
        var children = audio.Elements().ToList();
        foreach (var other in children.Where(c => c.Name.LocalName != "speak").Concat(children.Where(c => c.Name.LocalName == "speak").Skip(1)))
        {
            context.Unsupported(other, xmlPath, "one <speak> (SSML)");
        }

        var text = children.FirstOrDefault(c => c.Name.LocalName == "speak") is { } speak
            ? speak.ToString(SaveOptions.DisableFormatting)
            : string.Concat(audio.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (text.Length == 0)
        {
            context.Error(xmlPath, "Text to speech needs its text: write it inside <audio type=\"tts\">, or as a <speak> SSML document.");
            return null;
        }

        return text;
    }
}
