namespace Orleans.Render.Models;

[GenerateSerializer, Alias("render.v1.OutputStatus")]
public enum OutputStatus
{
    Pending,
    Rendering,
    Done,
    Failed,
    Cancelled,
}
