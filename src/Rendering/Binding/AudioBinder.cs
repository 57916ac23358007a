using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Speech;

namespace Orleans.Render.Rendering.Binding;

/// <summary>Binds the movie's sounds to <see cref="AudioClip"/>s on movie frames: audio layers, video layers' sound, the music track.</summary>
internal static class AudioBinder
{
    public static AudioClip? BindLayer(AudioLayer layer, int sceneStart, int sceneFrames, FrameRate fps, IReadOnlyDictionary<string, string> parameters)
    {
        if (layer.Condition is { } condition && !Conditions.Holds(condition, parameters))
        {
            return null;
        }

        var start = Math.Min(MovieBinder.ToFrames(layer.Timing.Start, fps), sceneFrames);
        var end = layer.Timing.Duration is { } duration ? Math.Min(start + MovieBinder.ToFrames(duration, fps), sceneFrames) : sceneFrames;
        if (end <= start)
        {
            return null;
        }

        var length = end - start;
        return new AudioClip(
            Source(layer, parameters),
            sceneStart + start,
            sceneStart + end,
            layer.NumberTemplates.TryGetValue("in", out var from)
                ? MovieBinder.BindNumber(from, parameters, "in", 0, Parsing.MovieLimits.MaxMediaSeconds, wholeNumber: false)
                : layer.In,
            layer.Loop,
            layer.Volume,
            Math.Min(MovieBinder.ToFrames(layer.Timing.FadeIn, fps), length),
            Math.Min(MovieBinder.ToFrames(layer.Timing.FadeOut, fps), length)) { Envelope = Envelope(layer.VolumeCurve, fps) };
    }

    /// <summary>The sound of a bound video layer, in sync with its pictures, unless the layer is muted.</summary>
    public static AudioClip? VideoSound(Layer layer, TimelineLayer bound, int sceneStart, FrameRate fps) =>
        layer is VideoLayer { Mute: false } video && bound.Content is VideoContent content
            ? new AudioClip(content.Source, sceneStart + bound.StartFrame, sceneStart + bound.EndFrame, content.In, content.Loop, video.Volume, 0, 0)
            {
                Envelope = Envelope(video.VolumeCurve, fps),
            }
            : null;

    public static AudioClip BindTrack(MovieAudio track, int totalFrames, FrameRate fps, IReadOnlyDictionary<string, string> parameters) => new(
        Source(track.Url, parameters),
        0,
        totalFrames,
        track.In,
        track.Loop,
        track.Volume,
        Math.Min(MovieBinder.ToFrames(track.FadeIn, fps), totalFrames),
        Math.Min(MovieBinder.ToFrames(track.FadeOut, fps), totalFrames)) { Envelope = Envelope(track.VolumeCurve, fps) };

    /// <summary>A volume curve on frames from the sound's start, or null for a steady volume.</summary>
    private static Curve? Envelope(IReadOnlyList<VolumePoint> points, FrameRate fps) => points.Count == 0
        ? null
        : new Curve([.. points.Select(p => new CurvePoint(MovieBinder.ToFrames(p.Time, fps), p.Volume, p.Easing))]);

    /// <summary>
    /// What an audio layer plays: its file, or its speech bound. Params in SSML are inserted as text (XML-escaped), so a
    /// param can say anything but cannot add markup.
    /// </summary>
    public static MediaReference Source(AudioLayer layer, IReadOnlyDictionary<string, string> parameters)
    {
        if (layer.Speech is not { } speech)
        {
            return Source(layer.Url, parameters);
        }

        var template = VariableTemplate.Parse(speech.Text);
        var text = SpeechRequest.IsSsml(speech.Text) ? template.Bind(parameters, System.Security.SecurityElement.Escape) : template.Bind(parameters);
        var voice = speech.Voice is null ? null : VariableTemplate.Parse(speech.Voice).Bind(parameters);
        return MediaReference.ForSpeech(SpeechRequest.Create(text, voice));
    }

    private static MediaReference Source(string url, IReadOnlyDictionary<string, string> parameters) =>
        MediaReference.Parse(VariableTemplate.Parse(url).Bind(parameters));
}
