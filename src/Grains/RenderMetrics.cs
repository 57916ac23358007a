using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.Render.Grains;

/// <summary>
/// The silo's job metrics (meter <see cref="Name"/>, beside the engine's <c>Orleans.Render.Rendering</c> and the
/// ledger's <c>Orleans.Render.Tokens</c>): outputs rendered and failed, units reused from the segment store, the
/// queue lengths of the pools whose queue grain lives on this silo, and upload retries.
/// </summary>
public static class RenderMetrics
{
    public const string Name = "Orleans.Render.Jobs";

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Outputs = Meter.CreateCounter<long>("outputs-rendered", description: "Outputs rendered or taken from the segment store");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("output-failures", description: "Outputs that failed, by error code");
    private static readonly Counter<long> Reused = Meter.CreateCounter<long>("units-reused", description: "Units served from the segment store instead of rendered (cache hits)");
    private static readonly Counter<long> UploadRetries = Meter.CreateCounter<long>("upload-retries", description: "Upload attempts that failed and were scheduled again");
    private static readonly ConcurrentDictionary<string, Func<(int Waiting, int Running)>> Queues = new(StringComparer.Ordinal);

    static RenderMetrics()
    {
        Meter.CreateObservableGauge("queue-waiting", () => QueueLengths(q => q.Waiting), description: "Outputs waiting in each pool's queue");
        Meter.CreateObservableGauge("queue-running", () => QueueLengths(q => q.Running), description: "Outputs admitted and rendering in each pool");
    }

    public static void OutputRendered(string contentType, bool reused) =>
        Outputs.Add(1, new TagList { { "render.content_type", contentType }, { "render.reused", reused } });

    public static void OutputFailed(string contentType, string? errorCode) =>
        Failures.Add(1, new TagList { { "render.content_type", contentType }, { "render.error", errorCode ?? "render_failed" } });

    /// <param name="scope"><c>output</c> when a whole output was stored already, <c>unit</c> for one unit.</param>
    public static void UnitReused(string scope) => Reused.Add(1, new TagList { { "render.scope", scope } });

    public static void UploadRetried(string destinationType) => UploadRetries.Add(1, new TagList { { "upload.type", destinationType } });

    /// <summary>
    /// Reports a pool's queue lengths while its grain is active here. The gauge reads the counts from the metrics
    /// thread: a count off by one for a moment is fine for a gauge, and locking the grain for it is not.
    /// </summary>
    public static void TrackQueue(string pool, Func<(int Waiting, int Running)> lengths) => Queues[pool] = lengths;

    public static void UntrackQueue(string pool) => Queues.TryRemove(pool, out _);

    private static IEnumerable<Measurement<int>> QueueLengths(Func<(int Waiting, int Running), int> pick) =>
        Queues.Select(q => new Measurement<int>(pick(q.Value()), new KeyValuePair<string, object?>("render.pool", q.Key)));
}
