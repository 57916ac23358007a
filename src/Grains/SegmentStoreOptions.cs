using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Grains;

/// <summary>Bound from <c>Render:SegmentStore</c>: how much rendered work is kept for reuse, and for how long.</summary>
public sealed class SegmentStoreOptions
{
    public const string Section = "Render:SegmentStore";

    /// <summary>Total size of stored units above which the least recently used are evicted.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>Units not used for this long are evicted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the store checks its limits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
