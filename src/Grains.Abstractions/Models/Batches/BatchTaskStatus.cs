namespace Orleans.Render.Models.Batches;

[GenerateSerializer, Alias("render.v1.BatchTaskStatus")]
public enum BatchTaskStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
