namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>The attributes particular to <c>&lt;image&gt;</c> and <c>&lt;video&gt;</c> layers: source, fit and playback.</summary>
internal static class MediaElement
{
    public static void ReadImageAttributes(ElementReader element)
    {
        element.String("src", "url");
        element.String("url", "url");
        element.String("fit", "fit");
    }

    /// <summary>impossible.io's <c>skip</c> is the in-point and <c>audio="false"</c> mutes the video.</summary>
    public static void ReadVideoAttributes(ElementReader element)
    {
        element.String("src", "url");
        element.String("url", "url");
        element.Time("skip", "in");
        element.Time("in", "in");
        element.Bool("loop", "loop");
        element.Bool("mute", "mute");
        if (element.Take("audio") is { } audio)
        {
            element.BoolValue("audio", audio, "mute", invert: true);
        }

        element.Number("volume", "volume");
        element.Number("gain", "gain");
        element.String("fit", "fit");
    }
}
