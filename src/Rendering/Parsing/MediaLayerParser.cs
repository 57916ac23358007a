using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads the time-based media: <c>video</c> and <c>audio</c> layers and the movie's <c>audio</c> track.</summary>
internal static class MediaLayerParser
{
    public const double MaxVolume = 10;

    public static VideoLayer ReadVideo(ObjectReader reader, LayerBox box, LayerTiming timing) => new(
        box,
        timing,
        reader.Template("url", "", required: true),
        reader.BindableNumber("in", 0, 0, MovieLimits.MaxMediaSeconds),
        reader.Boolean("loop", false),
        reader.Boolean("mute", false),
        reader.Number("volume", 1, 0, MaxVolume),
        reader.Choice("fit", "cover", "cover", "contain", "stretch"));

    /// <summary>An audio layer has no box or looks: only timing, source and level.</summary>
    public static AudioLayer ReadAudio(ObjectReader reader)
    {
        var timing = new LayerTiming(
            reader.Number("start", 0, 0, MovieLimits.MaxMovieSeconds),
            reader.OptionalNumber("duration", 0.001, MovieLimits.MaxMovieSeconds),
            reader.Number("fadeIn", 0, 0, MovieLimits.MaxMovieSeconds),
            reader.Number("fadeOut", 0, 0, MovieLimits.MaxMovieSeconds));
        var condition = reader.Condition("condition");

        var speech = reader.Has("speech") ? ReadSpeech(reader) : null;
        if (speech is null && reader.Has("voice"))
        {
            reader.Error("voice", "needs speech: it is the voice that speaks it.");
        }

        var layer = new AudioLayer(
            timing,
            reader.Template("url", "", required: !reader.Has("speech")),
            reader.BindableNumber("in", 0, 0, MovieLimits.MaxMediaSeconds),
            reader.Boolean("loop", false),
            reader.Number("volume", 1, 0, MaxVolume),
            condition) { Speech = speech, NumberTemplates = reader.NumberTemplates };
        reader.RejectUnknownMembers();
        return layer;
    }

    /// <summary>Text to speech: <c>speech</c> (plain text or an SSML <c>&lt;speak&gt;</c> document) instead of <c>url</c>, and an optional <c>voice</c>.</summary>
    private static SpokenText ReadSpeech(ObjectReader reader)
    {
        if (reader.Has("url"))
        {
            reader.Error("speech", "and url are exclusive: an audio layer plays a file or speaks a text.");
        }

        var text = reader.Template("speech", "", required: true);
        if (text.Length > Speech.SpeechRequest.MaxCharacters)
        {
            reader.Error("speech", $"is longer than {Speech.SpeechRequest.MaxCharacters} characters.");
        }
        else if (Speech.SpeechRequest.IsSsml(text) && !Binding.VariableTemplate.Parse(text).HasVariables)
        {
            try
            {
                Speech.SsmlDocument.Check(text);
            }
            catch (RenderInputException ex)
            {
                reader.Error("speech", ex.Message);
            }
        }

        return new SpokenText(text, reader.OptionalTemplate("voice"));
    }

    public static MovieAudio ReadMovieAudio(ObjectReader reader)
    {
        var audio = new MovieAudio(
            reader.Template("url", "", required: true),
            reader.Number("volume", 1, 0, MaxVolume),
            reader.Number("in", 0, 0, MovieLimits.MaxMediaSeconds),
            reader.Boolean("loop", false),
            reader.Number("fadeIn", 0, 0, MovieLimits.MaxMovieSeconds),
            reader.Number("fadeOut", 0, 0, MovieLimits.MaxMovieSeconds));
        reader.RejectUnknownMembers();
        return audio;
    }
}
