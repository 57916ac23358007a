using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Grains;

/// <summary>Bound from <c>Render:Jobs</c>: how jobs retry segments and wait for a pool.</summary>
public sealed class RenderJobOptions
{
    public const string Section = "Render:Jobs";

    /// <summary>Attempts per segment (on a different silo each time where the pool has one) before the output fails.</summary>
    [Range(1, 10)]
    public int MaxSegmentAttempts { get; set; } = 3;

    /// <summary>How long a render waits for a live silo in its pool before it fails.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often the watchdog reminder looks for renders orphaned by a silo that died, and resumes them. Orleans refuses
    /// reminder periods under <c>ReminderOptions.MinimumReminderPeriod</c> (one minute by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Tokens expire in buckets of this width (one <c>TokenExpiryGrain</c> and one reminder per bucket): a token's
    /// outputs are cleared and its renders cancelled within this long after it expires. It answers 410 from the moment
    /// it expires either way.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ExpiryBucket { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a queued render looks for a live silo again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
