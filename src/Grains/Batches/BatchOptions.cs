using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Grains.Batches;

/// <summary>Bound from <c>Render:Batches</c>: how many tasks a batch keeps in flight and how many it may hold.</summary>
public sealed class BatchOptions
{
    public const string Section = "Render:Batches";

    /// <summary>Tasks in flight at once for a batch that does not ask for a window of its own.</summary>
    [Range(1, 10_000)]
    public int DefaultWindow { get; set; } = 8;

    /// <summary>The most tasks in flight a batch may ask for; a larger window is cut to this.</summary>
    [Range(1, 10_000)]
    public int MaxWindow { get; set; } = 64;

    /// <summary>Tasks one batch may hold; more are refused.</summary>
    [Range(1, 1_000_000)]
    public int MaxTasks { get; set; } = 100_000;

    /// <summary>
    /// How often the reminder of a batch with work left makes sure it is running (after its silo died, or the whole
    /// cluster restarted). Orleans refuses periods under <c>ReminderOptions.MinimumReminderPeriod</c> (one minute by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
