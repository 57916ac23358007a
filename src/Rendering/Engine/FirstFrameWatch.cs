using System.Diagnostics;
using Orleans.Render.Conventions.Diagnostics;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Watches one ffmpeg run's frame counts (passing them on) for the moment the first frame is counted, which splits the
/// run into its start-up (reading inputs, building the filter graph, the encoder's look-ahead) and its encoding.
/// </summary>
internal sealed class FirstFrameWatch(IProgress<int>? next) : IProgress<int>
{
    private readonly long startedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private readonly long started = Stopwatch.GetTimestamp();
    private long firstAt;
    private long first;
    private int firstFrames;

    public void Report(int frames)
    {
        if (frames > 0 && Interlocked.CompareExchange(ref first, Stopwatch.GetTimestamp(), 0) == 0)
        {
            Volatile.Write(ref firstAt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            Volatile.Write(ref firstFrames, frames);
        }

        next?.Report(frames);
    }

    /// <summary>Adds <c>start</c> and <c>encode</c> (with the frames counted at the first report, <c>first</c>), or <c>run</c> when no frame was counted.</summary>
    public void Record(PhaseTimeline phases)
    {
        var ended = Stopwatch.GetTimestamp();
        var firstSeen = Volatile.Read(ref first);
        if (firstSeen == 0)
        {
            phases.Add("run", startedAt, Stopwatch.GetElapsedTime(started, ended));
            return;
        }

        phases.Add("start", startedAt, Stopwatch.GetElapsedTime(started, firstSeen));
        phases.Add("encode", Volatile.Read(ref firstAt), Stopwatch.GetElapsedTime(firstSeen, ended));
        phases.Note("first", Volatile.Read(ref firstFrames));
    }
}
