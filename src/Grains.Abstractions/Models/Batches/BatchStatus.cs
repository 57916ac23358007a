namespace Orleans.Render.Models.Batches;

/// <summary>Where a batch stands: <c>Completed</c> once every task has ended with at least one rendered, <c>Failed</c> when every task failed.</summary>
[GenerateSerializer, Alias("render.v1.BatchStatus")]
public enum BatchStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
