using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates an <c>&lt;audio&gt;</c>: the movie-wide track (a child of <c>&lt;movie&gt;</c>) or an audio layer of a
/// scene, which also has timing and a condition. Text to speech is refused.
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

        if (audio.Attribute("type") is { } type)
        {
            context.Error($"{xmlPath}/@type", $"Audio of type '{type.Value}' (text to speech) is not supported; give an audio file with src or url.");
            element.Take("type");
        }

        element.String("src", "url");
        element.String("url", "url");
        element.Number("volume", "volume");
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

        element.RejectOtherAttributes();
        context.RejectChildren(audio, xmlPath);
        return element.ToObject();
    }
}
