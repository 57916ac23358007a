namespace Orleans.Render.Models.Batches;

/// <summary>
/// One task's result: its token (known from the start; the token exists once the task has started), the output
/// extension and movie, where it stands, and for a failed task the error; for upload tasks, each upload's result.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.BatchTaskResult")]
public sealed record BatchTaskResult(
    [property: Id(0)] int Index,
    [property: Id(1)] string Token,
    [property: Id(2)] string Extension,
    [property: Id(3)] string Movie,
    [property: Id(4)] BatchTaskStatus Status,
    [property: Id(5)] string? ErrorCode = null,
    [property: Id(6)] string? Message = null,
    [property: Id(7)] IReadOnlyList<string?>? Uploads = null);
