namespace Orleans.Render.Models.Batches;

/// <summary>A page of a batch's results, in task order, and how many tasks the batch has in all.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.BatchResultsPage")]
public sealed record BatchResultsPage(
    [property: Id(0)] int Total,
    [property: Id(1)] IReadOnlyList<BatchTaskResult> Results);
