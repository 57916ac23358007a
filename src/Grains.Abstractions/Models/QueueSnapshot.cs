namespace Orleans.Render.Models;

/// <summary>A pool queue's entries waiting and running, and how many may run at once now.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.QueueSnapshot")]
public sealed record QueueSnapshot(
    [property: Id(0)] IReadOnlyList<QueueEntry> Waiting,
    [property: Id(1)] IReadOnlyList<QueueEntry> Running,
    [property: Id(2)] int Capacity);
