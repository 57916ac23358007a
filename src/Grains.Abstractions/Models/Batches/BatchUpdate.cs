namespace Orleans.Render.Models.Batches;

/// <summary>The batch after a change, or why the change was refused (<c>unknown_batch</c>, <c>batch_ended</c>, <c>too_many_tasks</c>).</summary>
[GenerateSerializer, Immutable, Alias("render.v1.BatchUpdate")]
public sealed record BatchUpdate(
    [property: Id(0)] BatchInfo? Info,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? Message = null);
