namespace Orleans.Render.Models;

[GenerateSerializer, Alias("render.v1.OutputStatus")]
public enum OutputStatus
{
    Pending,
    Rendering,
    Done,
    Failed,
    Cancelled,

    /// <summary>Waiting for a live silo in the job's render pool.</summary>
    Queued,
}
