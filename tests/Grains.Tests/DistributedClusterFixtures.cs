using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Render.Conventions;
using Orleans.Render.Grains.Placement;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>Three silos: two serve the default pool, the third the <c>premium</c> pool. Shared by its collection.</summary>
public sealed class PoolClusterFixture : RenderClusterFixture
{
    public const string Premium = "premium";

    protected override short SiloCount => 3;

    protected override string PoolOf(int index) => index == 2 ? Premium : ClusterDefaults.Pool;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Render:Jobs:QueueTimeout", "00:00:03"),
        new("Render:Jobs:QueuePollInterval", "00:00:00.250"),
    ];
}

/// <summary>Three default-pool silos that notice a dead peer within seconds, for killing or stopping one mid-render.</summary>
public abstract class FastFailureDetectionClusterFixture : RenderClusterFixture
{
    protected override short SiloCount => 3;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Render:Engine:Encoder:Threads", "1"),
        new("Render:Jobs:WatchdogPeriod", "00:00:03"),
        new("Render:Batches:ReminderPeriod", "00:00:02"),
    ];

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.NumMissedProbesLimit = 1;
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumVotesForDeathDeclaration = 1;
        });
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}

/// <summary>
/// The cluster for killing silos mid-render. Its tests also pause Azurite for a storage outage, so it has an Azurite of
/// its own: paused, the shared one would stall every other fixture's grain state and reminders.
/// </summary>
public sealed class FailoverClusterFixture : FastFailureDetectionClusterFixture
{
    protected override bool PausesStorage => true;
}

/// <summary>Another such cluster, for a test that stops a silo gracefully and needs all three to start with.</summary>
public sealed class GracefulStopClusterFixture : FastFailureDetectionClusterFixture;

/// <summary>
/// One silo whose pool runs two outputs at once, with three waiting per project at most and a one-second wait for
/// blocking requests; the segment store keeps nothing past a sweep, and sweeps only when a test asks.
/// </summary>
public sealed class QueueClusterFixture : RenderClusterFixture
{
    protected override short SiloCount => 1;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Render:Queue:RunningPerSilo", "2"),
        new("Render:Queue:MaxQueuedPerProject", "3"),
        new("Render:Queue:BlockingWait", "00:00:01"),
        new("Render:Queue:RetryAfter", "00:00:07"),
        new("Render:SegmentStore:MaxBytes", "1"),
        new("Render:SegmentStore:SweepPeriod", "01:00:00"),
    ];
}

[CollectionDefinition(Name)]
public sealed class PoolClusterCollection : ICollectionFixture<PoolClusterFixture>
{
    public const string Name = "pool cluster";
}
