using System.Globalization;
using System.Text;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The compile stage: a bound timeline, the prepared layer images and a frame range become one ffmpeg invocation.
/// All pixel work happens in the filter graph. Scene backgrounds are colour sources joined by <c>concat</c>; each visible
/// layer is a single decoded image repeated with <c>loop</c> (decoded once, converted to yuva420p once), faded on its
/// alpha plane and laid over the background with <c>overlay</c>. Graph times are local to the range; expressions add
/// the range's offset so a segment renders exactly the frames the whole movie would.
/// </summary>
public static class FilterGraphCompiler
{
    public static FfmpegInvocation Compile(
        Timeline timeline,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        FrameRange range,
        OutputSpec output,
        EncoderSettings encoder)
    {
        if (range.Count <= 0 || range.Start < 0 || range.End > timeline.TotalFrames)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, $"The movie has {timeline.TotalFrames} frames.");
        }

        var fps = timeline.Fps;
        var graph = new StringBuilder();
        var inputs = new List<string>();

        var sceneLabels = new List<string>();
        foreach (var scene in timeline.Scenes.Where(s => range.Overlaps(s.StartFrame, s.StartFrame + s.FrameCount)))
        {
            var frames = Math.Min(scene.StartFrame + scene.FrameCount, range.End) - Math.Max(scene.StartFrame, range.Start);
            var label = $"s{sceneLabels.Count}";
            graph.Append(Invariant(
                $"color=c=0x{scene.Background.R:X2}{scene.Background.G:X2}{scene.Background.B:X2}:s={timeline.Width}x{timeline.Height}:r={fps},format=yuv420p,trim=end_frame={frames}[{label}];\n"));
            sceneLabels.Add(label);
        }

        var current = "bg";
        graph.Append(string.Concat(sceneLabels.Select(l => $"[{l}]")));
        graph.Append(sceneLabels.Count == 1 ? "null" : $"concat=n={sceneLabels.Count}:v=1:a=0");
        graph.Append(Invariant($",settb=1/{fps},setpts=N/({fps}*TB)[{current}];\n"));

        var layerIndex = 0;
        foreach (var layer in timeline.Layers.Where(l => range.Overlaps(l.StartFrame, l.EndFrame)))
        {
            var first = Math.Max(layer.StartFrame, range.Start);
            var count = Math.Min(layer.EndFrame, range.End) - first;
            var source = layer.Content switch
            {
                SolidContent solid => Invariant(
                    $"color=c={solid.Color.ToFfmpeg()}:s={layer.Width}x{layer.Height}:r={fps},format=yuva420p,trim=end_frame={count}"),
                _ => Invariant($"[{AddInput(inputs, preparedImages[layer])}:v]format=yuva420p,loop=loop={count - 1}:size=1:start=0"),
            };

            var label = $"l{layerIndex}";
            graph.Append(source);
            graph.Append(Invariant($",setpts=(N+{first})/({fps}*TB)"));
            if (layer.FadeInFrames > 0)
            {
                graph.Append(Invariant($",fade=t=in:st={Seconds(layer.StartFrame, fps)}:d={Seconds(layer.FadeInFrames, fps)}:alpha=1"));
            }

            if (layer.FadeOutFrames > 0)
            {
                graph.Append(Invariant(
                    $",fade=t=out:st={Seconds(layer.EndFrame - layer.FadeOutFrames, fps)}:d={Seconds(layer.FadeOutFrames, fps)}:alpha=1"));
            }

            graph.Append(Invariant($",setpts=PTS-{range.Start}/({fps}*TB)[{label}];\n"));

            var next = $"v{layerIndex}";
            var offset = Seconds(range.Start, fps);
            graph.Append(Invariant(
                $"[{current}][{label}]overlay=x='{Position(layer, k => k.X, layer.X, fps, offset)}':y='{Position(layer, k => k.Y, layer.Y, fps, offset)}':eof_action=pass:format=yuv420[{next}];\n"));
            current = next;
            layerIndex++;
        }

        graph.Append(OutputTail(output.Format, current));
        IReadOnlyList<string> threads = encoder.Threads > 0
            ? ["-threads", Invariant($"{encoder.Threads}"), "-filter_complex_threads", Invariant($"{encoder.Threads}")]
            : [];
        return new FfmpegInvocation(inputs, graph.ToString(), [.. threads, .. OutputArguments(output, encoder, fps)], range.Count);
    }

    private static string OutputTail(OutputFormat format, string current) => format switch
    {
        // One palette per frame keeps memory flat; a whole-movie palette would buffer every frame before writing.
        OutputFormat.Gif => $"[{current}]split[g0][g1];[g0]palettegen=stats_mode=single[pal];[g1][pal]paletteuse=new=1[out]",
        _ => $"[{current}]null[out]",
    };

    private static IReadOnlyList<string> OutputArguments(OutputSpec output, EncoderSettings encoder, int fps) => output.Format switch
    {
        OutputFormat.Mp4 =>
        [
            "-c:v", "libx264", "-preset", encoder.X264Preset, "-crf", Invariant($"{encoder.X264Crf}"), "-pix_fmt", "yuv420p",
            "-profile:v", "high", "-r", Invariant($"{fps}"), "-movflags", "+faststart", "-f", "mp4",
        ],
        OutputFormat.Webm =>
        [
            "-c:v", "libvpx-vp9", "-crf", Invariant($"{encoder.Vp9Crf}"), "-b:v", "0", "-deadline", "realtime",
            "-cpu-used", Invariant($"{encoder.Vp9Speed}"), "-row-mt", "1", "-pix_fmt", "yuv420p", "-r", Invariant($"{fps}"), "-f", "webm",
        ],
        OutputFormat.Gif => ["-r", Invariant($"{fps}"), "-loop", "0", "-f", "gif"],
        OutputFormat.Jpg => ["-frames:v", "1", "-update", "1", "-q:v", Invariant($"{JpegQScale(output.Quality)}"), "-pix_fmt", "yuvj420p", "-f", "image2", "-c:v", "mjpeg"],
        _ => ["-frames:v", "1", "-update", "1", "-pix_fmt", "rgb24", "-f", "image2", "-c:v", "png"],
    };

    /// <summary>Maps impossible.io's JPEG quality (10–99, higher is better) onto ffmpeg's qscale (31–2, lower is better).</summary>
    private static int JpegQScale(int quality) => (int)Math.Round(2 + (99 - Math.Clamp(quality, 10, 99)) * 29 / 89.0);

    private static string Position(TimelineLayer layer, Func<FrameKeyframe, int> axis, int fixedValue, int fps, string offset)
    {
        if (layer.Motion.Count == 0)
        {
            return Invariant($"{fixedValue}");
        }

        var time = $"(t+{offset})";
        var keys = layer.Motion;
        var expression = Invariant($"{axis(keys[^1])}");
        for (var i = keys.Count - 1; i > 0; i--)
        {
            var (from, to) = (keys[i - 1], keys[i]);
            var (t0, t1) = (Seconds(from.Frame, fps), Seconds(to.Frame, fps));
            expression = Invariant(
                $"if(lt({time},{t1}),{axis(from)}+({axis(to) - axis(from)})*({time}-{t0})/({t1}-{t0}),{expression})");
        }

        return Invariant($"if(lt({time},{Seconds(keys[0].Frame, fps)}),{axis(keys[0])},{expression})");
    }

    private static int AddInput(List<string> inputs, string path)
    {
        inputs.Add("-i");
        inputs.Add(path);
        return inputs.Count / 2 - 1;
    }

    private static string Seconds(int frames, int fps) => (frames / (double)fps).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
