using Orleans.Render.Models.Batches;

namespace Orleans.Render.Grains.Batches;

/// <summary>
/// A batch's own record, small whatever its size (the tasks and their outcomes are chunks, <see cref="BatchStore"/>):
/// its settings, the secret its task tokens are derived from, where it stands, how many tasks it holds, how far it
/// has started them (tasks below <see cref="Next"/> have started) and which of those are still in flight.
/// </summary>
[GenerateSerializer, Alias("render.v1.BatchState")]
public sealed class BatchState
{
    [Id(0)] public BatchSettings? Settings { get; set; }

    [Id(1)] public string Secret { get; set; } = "";

    [Id(2)] public int Window { get; set; }

    [Id(3)] public BatchStatus Status { get; set; }

    [Id(4)] public int Total { get; set; }

    [Id(5)] public int Next { get; set; }

    [Id(6)] public List<int> Running { get; set; } = [];

    [Id(7)] public int PeakRunning { get; set; }

    [Id(8)] public DateTimeOffset CreatedAt { get; set; }

    [Id(9)] public DateTimeOffset? FinishedAt { get; set; }

    public bool Exists => Settings is not null;

    public bool HasEnded => Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled;
}
