using Orleans.Render.Models.Batches;

namespace Orleans.Render.Grains.Batches;

/// <summary>How a task ended: completed, failed (with the render's or the upload's error) or cancelled; for upload tasks, each upload's result.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.BatchOutcome")]
public sealed record BatchOutcome(
    [property: Id(0)] BatchTaskStatus Status,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] IReadOnlyList<string?>? Uploads = null)
{
    public static readonly BatchOutcome Cancelled = new(BatchTaskStatus.Cancelled, "cancelled", "The batch was cancelled.");
}
