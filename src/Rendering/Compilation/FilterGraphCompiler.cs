using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The compile stage: a bound timeline, the prepared layer images and a frame range become one ffmpeg invocation.
/// All pixel work happens in the filter graph. Each scene the range needs is composed as its own stream (a colour
/// source with its layers laid over it by <see cref="LayerGraph"/>, times local to the scene), cut into its body and the
/// frames it shares with a neighbour in a transition, and the parts are joined by <c>concat</c>. Only the shared frames
/// are blended (<see cref="TransitionBlend"/>).
/// A range renders exactly the frames the whole movie would.
/// </summary>
public static class FilterGraphCompiler
{
    public static FfmpegInvocation Compile(
        Timeline timeline,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        FrameRange range,
        OutputSpec output,
        EncoderSettings encoder,
        IReadOnlyDictionary<MediaReference, PreparedMedia>? media = null,
        bool withAudio = false)
    {
        var graph = new GraphBuilder(timeline.Fps) { Media = media ?? new Dictionary<MediaReference, PreparedMedia>() };
        var movie = ComposeMovie(graph, timeline, preparedImages, range);
        var sound = withAudio ? AudioMix.Append(graph, timeline) : null;
        var encoding = EncodingOf(timeline, output, encoder);
        graph.Tail(FormatEncoders.Tail(encoding, movie));
        IReadOnlyList<string> audioArguments = sound is null ? [] : FormatEncoders.Sound(encoding);
        return new FfmpegInvocation(
            graph.InputArguments,
            graph.Graph,
            [.. Threads(encoder), .. audioArguments, .. FormatEncoders.Video(encoding), .. FormatEncoders.Muxer(output.Format, timeline.Fps)],
            range.Count,
            sound);
    }

    /// <summary>
    /// A stream piece (see <see cref="Planning.StreamPlan"/>): the frames of <paramref name="range"/> as a fragmented MP4
    /// or a WebM whose timestamps are the movie's (<c>-output_ts_offset</c>, nothing shifted back to zero), with the
    /// packets of the movie's stored sound whose times fall inside the range copied in (<c>-ss</c>/<c>-to</c> on the
    /// sound, and no earlier packet), so consecutive pieces share no sound and leave no gap. x264 runs without
    /// B-frames, so a piece's first frame is shown at its first decode time and the pieces' init segments are
    /// byte-identical (<c>bitexact</c>).
    /// </summary>
    public static FfmpegInvocation CompilePiece(
        Timeline timeline,
        IReadOnlyDictionary<TimelineLayer, string> preparedImages,
        FrameRange range,
        OutputFormat format,
        EncoderSettings encoder,
        IReadOnlyDictionary<MediaReference, PreparedMedia> media,
        string? soundFile)
    {
        var fps = timeline.Fps;
        var graph = new GraphBuilder(fps) { Media = media };
        var movie = ComposeMovie(graph, timeline, preparedImages, range);
        graph.Tail($"[{movie}]null[out]");
        var (start, end) = (graph.Seconds(range.Start), graph.Seconds(range.End));
        var sound = soundFile is null ? (int?)null : graph.AddInput(soundFile, "-ss", start, "-to", end);
        string[] soundArguments = sound is null ? [] : ["-c:a", "copy", "-copypriorss:a", "0"];
        string[] container = format == OutputFormat.Mp4
            ? ["-bf", "0", "-movflags", "frag_keyframe+empty_moov+default_base_moof+frag_discont", "-f", "mp4"]
            : ["-f", "webm"];
        return new FfmpegInvocation(
            graph.InputArguments,
            graph.Graph,
            [
                .. Threads(encoder), .. soundArguments, .. FormatEncoders.Video(EncodingOf(timeline, new OutputSpec(format), encoder)),
                "-output_ts_offset", start, "-avoid_negative_ts", "disabled", "-fflags", "+bitexact", .. container,
            ],
            range.Count,
            AudioInput: sound is null ? null : Invariant($"{sound}:a"));
    }

    /// <summary>The frames of <paramref name="range"/>, composed scene by scene and joined, as one stream; returns its label.</summary>
    private static string ComposeMovie(
        GraphBuilder graph, Timeline timeline, IReadOnlyDictionary<TimelineLayer, string> preparedImages, FrameRange range)
    {
        if (range.Count <= 0 || range.Start < 0 || range.End > timeline.TotalFrames)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, $"The movie has {timeline.TotalFrames} frames.");
        }

        var fps = timeline.Fps;
        var parts = Parts(timeline, range);
        var pieces = new Dictionary<(int Scene, int Start), string>();
        foreach (var window in SceneWindow.Covering(timeline, range))
        {
            var stream = SceneComposer.Compose(graph, (timeline.Width, timeline.Height), window, preparedImages);
            var wanted = PiecesOf(timeline, window.SceneIndex, parts);
            if (wanted.Count == 1 && wanted[0] == (window.Start, window.End))
            {
                pieces[(window.SceneIndex, window.Start)] = stream;
                continue;
            }

            var copies = wanted.Select(_ => graph.NewLabel("c")).ToList();
            graph.Statement(Invariant($"[{stream}]split={wanted.Count}{string.Concat(copies.Select(c => $"[{c}]"))}"));
            foreach (var ((start, end), copy) in wanted.Zip(copies))
            {
                var piece = graph.NewLabel("p");
                graph.Statement(Invariant($"[{copy}]trim=start_frame={start - window.Start}:end_frame={end - window.Start},setpts=PTS-STARTPTS[{piece}]"));
                pieces[(window.SceneIndex, start)] = piece;
            }
        }

        var joined = parts.Select(part => part.Transition is null
            ? pieces[(part.Scene, part.Start)]
            : Blend(graph, timeline, part, pieces, preparedImages)).ToList();
        var movie = graph.NewLabel("m");
        graph.Statement(string.Concat(joined.Select(l => $"[{l}]"))
            + (joined.Count == 1 ? "null" : Invariant($"concat=n={joined.Count}:v=1:a=0"))
            + Invariant($",settb={fps.TimeBase},setpts=N[{movie}]"));
        return movie;
    }

    /// <summary>
    /// The movie's sound alone, for outputs whose pictures are rendered in segments: the format's sound encoder and
    /// muxer (AAC in MP4, Opus in WebM), muxed with the joined pictures by stream copy. Null when the movie has no sound.
    /// </summary>
    public static FfmpegInvocation? CompileAudio(
        Timeline timeline, OutputFormat format, IReadOnlyDictionary<MediaReference, PreparedMedia> media, EncoderSettings encoder)
    {
        var graph = new GraphBuilder(timeline.Fps) { Media = media };
        var sound = AudioMix.Append(graph, timeline);
        if (sound is null)
        {
            return null;
        }

        return new FfmpegInvocation(
            graph.InputArguments,
            graph.Graph.TrimEnd('\n', ';'),
            [.. Threads(encoder), .. FormatEncoders.Sound(EncodingOf(timeline, new OutputSpec(format), encoder)), .. FormatEncoders.Muxer(format)],
            0,
            sound,
            HasVideo: false);
    }

    private static FormatEncoders.Encoding EncodingOf(Timeline timeline, OutputSpec output, EncoderSettings encoder) =>
        new(output, timeline.Output, encoder, timeline.Fps);

    private static IReadOnlyList<string> Threads(EncoderSettings encoder) => encoder.Threads > 0
        ? ["-threads", Invariant($"{encoder.Threads}"), "-filter_complex_threads", Invariant($"{encoder.Threads}")]
        : [];

    /// <summary>
    /// What the range shows, in order: scene bodies (scene frames <c>[Start, End)</c>) and transitions (frames
    /// <c>[Start, End)</c> of the transition into <c>Scene</c>).
    /// </summary>
    private static List<Part> Parts(Timeline timeline, FrameRange range)
    {
        var parts = new List<Part>();
        for (var i = 0; i < timeline.Scenes.Count; i++)
        {
            var scene = timeline.Scenes[i];
            var incoming = SceneWindow.IncomingFrames(timeline, i);
            var outgoing = SceneWindow.OutgoingFrames(timeline, i);
            var start = scene.StartFrame;
            if (incoming > 0 && range.Overlaps(start, start + incoming))
            {
                parts.Add(new Part(i, Math.Max(range.Start, start) - start, Math.Min(range.End, start + incoming) - start, scene.Transition));
            }

            var bodyStart = Math.Max(incoming, range.Start - start);
            var bodyEnd = Math.Min(scene.FrameCount - outgoing, range.End - start);
            if (bodyEnd > bodyStart)
            {
                parts.Add(new Part(i, bodyStart, bodyEnd, null));
            }
        }

        return parts;
    }

    /// <summary>The scene frame ranges cut from a scene's stream: its transition in, its body, its transition out.</summary>
    private static List<(int Start, int End)> PiecesOf(Timeline timeline, int index, List<Part> parts)
    {
        var scene = timeline.Scenes[index];
        var wanted = new List<(int, int)>();
        if (parts.Any(p => p.Scene == index && p.Transition is not null))
        {
            wanted.Add((0, SceneWindow.IncomingFrames(timeline, index)));
        }

        if (parts.FirstOrDefault(p => p.Scene == index && p.Transition is null) is { } body)
        {
            wanted.Add((body.Start, body.End));
        }

        if (parts.Any(p => p.Scene == index + 1 && p.Transition is not null))
        {
            wanted.Add((scene.FrameCount - SceneWindow.OutgoingFrames(timeline, index), scene.FrameCount));
        }

        return wanted;
    }

    private static string Blend(
        GraphBuilder graph, Timeline timeline, Part part, Dictionary<(int Scene, int Start), string> pieces, IReadOnlyDictionary<TimelineLayer, string> preparedImages)
    {
        var previous = timeline.Scenes[part.Scene - 1];
        var frames = part.Transition!.Frames;
        var from = pieces[(part.Scene - 1, previous.FrameCount - frames)];
        var blended = part.Transition.Kind == TransitionKind.Custom
            ? CustomTransition.Append(graph, (timeline.Width, timeline.Height), part.Transition, from, pieces[(part.Scene, 0)], preparedImages)
            : TransitionBlend.Append(graph, part.Transition.Kind, frames, from, pieces[(part.Scene, 0)]);
        if (part.Start == 0 && part.End == frames)
        {
            return blended;
        }

        var label = graph.NewLabel("x");
        graph.Statement(Invariant($"[{blended}]trim=start_frame={part.Start}:end_frame={part.End},setpts=PTS-STARTPTS[{label}]"));
        return label;
    }

    private sealed record Part(int Scene, int Start, int End, SceneTransition? Transition);
}
