using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Grains;

/// <summary>Bound from <c>Render:Queue</c>: how many outputs run at once, the limits per project, and how long a blocking request waits.</summary>
public sealed class RenderQueueOptions
{
    public const string Section = "Render:Queue";

    /// <summary>
    /// Outputs each live silo of a pool runs at once (a pool of N silos runs N times this many). Their ffmpeg processes
    /// are limited again on each silo by <c>Render:Engine:MaxConcurrentProcesses</c>.
    /// </summary>
    [Range(1, 1000)]
    public int RunningPerSilo { get; set; } = 4;

    /// <summary>Outputs of one project running at once in a pool, so one project's burst cannot take the whole pool.</summary>
    [Range(1, 100_000)]
    public int MaxRunningPerProject { get; set; } = 16;

    /// <summary>Outputs of one project waiting in a pool's queue; more are refused with 429.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueuedPerProject { get; set; } = 10_000;

    /// <summary>How long a blocking request waits for its render to leave the queue before it answers 503 with Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BlockingWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What a 503 for a full queue tells the client to wait in Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the queue checks that each running output's job still holds its slot. A job whose silo died is
    /// activated again by this check and resumes, so this is how long a lost job silo can delay a render.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:10:00")]
    public TimeSpan LeasePeriod { get; set; } = TimeSpan.FromSeconds(2);
}
