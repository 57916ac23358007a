using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads the time-based media: <c>video</c> and <c>audio</c> layers and the movie's <c>audio</c> track.</summary>
internal static class MediaLayerParser
{
    public const double MaxVolume = 10;

    public const double MinGain = -60;

    public const double MaxGain = 20;

    public static VideoLayer ReadVideo(ObjectReader reader, LayerBox box, LayerTiming timing) => new VideoLayer(
        box,
        timing,
        reader.Template("url", "", required: true),
        reader.BindableNumber("in", 0, 0, MovieLimits.MaxMediaSeconds),
        reader.Boolean("loop", false),
        reader.Boolean("mute", false),
        ReadVolume(reader),
        reader.Choice("fit", "cover", "cover", "contain", "stretch")) { VolumeCurve = ReadVolumeCurve(reader) };

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
            ReadVolume(reader),
            condition) { Speech = speech, NumberTemplates = reader.NumberTemplates, VolumeCurve = ReadVolumeCurve(reader) };
        reader.RejectUnknownMembers();
        return layer;
    }

    /// <summary>The level: <c>volume</c> (a factor, 0–10) times <c>gain</c> (decibels, −60–20; −6 is about half).</summary>
    private static double ReadVolume(ObjectReader reader) =>
        reader.Number("volume", 1, 0, MaxVolume) * Math.Pow(10, reader.Number("gain", 0, MinGain, MaxGain) / 20);

    /// <summary><c>volumeCurve</c>: up to 100 points <c>{time, volume, easing}</c> at increasing times.</summary>
    private static List<VolumePoint> ReadVolumeCurve(ObjectReader reader)
    {
        var points = reader.Objects("volumeCurve", 100).Select(point =>
        {
            var read = new VolumePoint(
                point.Number("time", 0, 0, MovieLimits.MaxMovieSeconds, required: true),
                point.Number("volume", 1, 0, MaxVolume, required: true),
                Easings.Parse(point.Choice("easing", "linear", Easings.Names)));
            point.RejectUnknownMembers();
            return read;
        }).ToList();
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].Time <= points[i - 1].Time)
            {
                reader.Error($"volumeCurve[{i}].time", "must be later than the point before it.");
            }
        }

        return points;
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
            ReadVolume(reader),
            reader.Number("in", 0, 0, MovieLimits.MaxMediaSeconds),
            reader.Boolean("loop", false),
            reader.Number("fadeIn", 0, 0, MovieLimits.MaxMovieSeconds),
            reader.Number("fadeOut", 0, 0, MovieLimits.MaxMovieSeconds)) { VolumeCurve = ReadVolumeCurve(reader) };
        reader.RejectUnknownMembers();
        return audio;
    }
}
