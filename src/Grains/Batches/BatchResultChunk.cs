namespace Orleans.Render.Grains.Batches;

/// <summary>The outcomes of the tasks of one <see cref="BatchTaskChunk"/> (null: not ended), written as they end.</summary>
[GenerateSerializer, Alias("render.v1.BatchResultChunk")]
public sealed class BatchResultChunk
{
    [Id(0)] public List<BatchOutcome?> Outcomes { get; set; } = [];
}
