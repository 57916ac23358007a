using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The movie's sound: every <see cref="AudioClip"/> decoded from its in-point (<c>-ss</c>, or for a loop the whole
/// source repeated with <c>-stream_loop</c> and the in-point cut off), resampled to 48 kHz stereo, cut to its length in samples, set to its volume, faded, delayed to its start
/// sample and mixed (<c>amix</c> without normalisation, so a clip's volume means the same alone or mixed). The result
/// is padded and cut to exactly the movie's length, so sound and pictures end together. Rendered once per movie.
/// </summary>
public static class AudioMix
{
    public const int SampleRate = 48_000;

    /// <summary>Appends the mix for the whole movie and returns its label, or null when no clip has sound.</summary>
    public static string? Append(GraphBuilder graph, Timeline timeline)
    {
        var fps = graph.Fps;
        var labels = new List<string>();
        foreach (var clip in timeline.Audio)
        {
            var source = graph.Media[clip.Source];
            var seconds = fps.Seconds(clip.EndFrame - clip.StartFrame);
            if (!clip.Loop)
            {
                seconds = Math.Min(seconds, source.DurationSeconds - clip.In);
            }

            if (!source.HasAudio || seconds <= 0 || clip.In >= source.DurationSeconds)
            {
                continue;
            }

            // A looped input restarts at the keyframe before its -ss, so loops are not seeked; the in-point is cut off.
            var input = clip.Loop ? graph.AddInput(source.Path, "-stream_loop", "-1") : graph.AddInput(source.Path, "-ss", Invariant($"{clip.In:0.######}"));
            var skip = clip.Loop ? (long)Math.Round(clip.In * SampleRate) : 0;
            var samples = (long)Math.Round(seconds * SampleRate);
            var chain = Invariant(
                $"[{input}:a]aresample={SampleRate},aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=start_sample={skip}:end_sample={skip + samples},asetpts=N/SR/TB,volume={clip.Volume * (clip.Envelope is { IsConstant: true } steady ? steady.Points[0].Value : 1):0.######}");
            if (clip.Envelope is { IsConstant: false } envelope)
            {
                // Per audio frame (1024 samples, about 21 ms): fine enough for a fade, far cheaper than per sample.
                chain += $",volume=eval=frame:volume='{CurveExpression.Of(envelope, "t", fps)}'";
            }

            if (clip.FadeInFrames > 0)
            {
                chain += Invariant($",afade=t=in:st=0:d={fps.Seconds(clip.FadeInFrames):0.######}");
            }

            if (clip.FadeOutFrames > 0)
            {
                var fade = Math.Min(fps.Seconds(clip.FadeOutFrames), seconds);
                chain += Invariant($",afade=t=out:st={seconds - fade:0.######}:d={fade:0.######}");
            }

            var label = graph.NewLabel("a");
            graph.Statement(chain + Invariant($",adelay=delays={SamplesAt(clip.StartFrame, fps)}S:all=1[{label}]"));
            labels.Add(label);
        }

        if (labels.Count == 0)
        {
            return null;
        }

        var total = SamplesAt(timeline.TotalFrames, fps);
        var mix = graph.NewLabel("mix");
        graph.Statement(string.Concat(labels.Select(l => $"[{l}]"))
            + (labels.Count == 1 ? "anull" : Invariant($"amix=inputs={labels.Count}:duration=longest:normalize=0"))
            + Invariant($",apad=whole_len={total},atrim=end_sample={total}[{mix}]"));
        return mix;
    }

    private static long SamplesAt(int frame, FrameRate fps) => (long)Math.Round((double)frame * SampleRate * fps.Denominator / fps.Numerator);
}
