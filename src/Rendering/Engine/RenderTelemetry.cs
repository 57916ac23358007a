using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// The engine's traces and metrics: a span per frame range or stream piece rendered (with its frames and frame rates)
/// and one per ffmpeg run inside it; counters of segments, failures and frames, and each segment's frames per second.
/// Nothing is recorded unless a listener (OpenTelemetry, when configured) subscribes to <see cref="Name"/>.
/// </summary>
public static class RenderTelemetry
{
    /// <summary>The ActivitySource and Meter name; the hosts subscribe to <c>Orleans.Render.*</c>.</summary>
    public const string Name = "Orleans.Render.Rendering";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Segments = Meter.CreateCounter<long>("segments-rendered", description: "Frame ranges and stream pieces rendered");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("segment-failures", description: "Frame ranges and stream pieces that failed or were cancelled");
    private static readonly Counter<long> Frames = Meter.CreateCounter<long>("frames-rendered", unit: "{frame}", description: "Frames encoded");
    private static readonly Histogram<double> Speed = Meter.CreateHistogram<double>("render-speed", unit: "{frame}/s", description: "Frames per second of each range or piece, preparation included");

    /// <summary>Starts the span of one frame range or stream piece; null when nobody listens.</summary>
    public static Activity? StartSegment(string kind, Timeline timeline, FrameRange range, OutputFormat format)
    {
        var activity = Source.StartActivity($"render {kind}");
        activity?.SetTag("render.kind", kind)
            .SetTag("render.format", format.Extension())
            .SetTag("render.start_frame", range.Start)
            .SetTag("render.frames", range.Count)
            .SetTag("render.fps", timeline.Fps.PerSecond)
            .SetTag("render.width", timeline.Width)
            .SetTag("render.height", timeline.Height);
        return activity;
    }

    /// <summary>Records a range or piece that rendered, its speed on the span and in the metrics.</summary>
    public static void Rendered(Activity? activity, string kind, FrameRange range, TimeSpan elapsed)
    {
        var speed = range.Count / Math.Max(elapsed.TotalSeconds, 0.001);
        activity?.SetTag("render.frames_per_second", Math.Round(speed, 2));
        var tags = new TagList { { "render.kind", kind } };
        Segments.Add(1, tags);
        Frames.Add(range.Count, tags);
        Speed.Record(speed, tags);
    }

    /// <summary>Records a range or piece that failed (or was cancelled) on its span and in the metrics.</summary>
    public static void Failed(Activity? activity, string kind, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception is OperationCanceledException ? "cancelled" : exception.GetType().Name);
        Failures.Add(1, new TagList { { "render.kind", kind }, { "render.cancelled", exception is OperationCanceledException } });
    }

    /// <summary>The span of one ffmpeg process, from waiting for a slot to its exit.</summary>
    public static Activity? StartFfmpeg(ProcessPriority priority) =>
        Source.StartActivity("ffmpeg")?.SetTag("ffmpeg.priority", priority.ToString().ToLowerInvariant());
}
