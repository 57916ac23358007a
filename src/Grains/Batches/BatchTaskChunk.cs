using Orleans.Render.Models.Batches;

namespace Orleans.Render.Grains.Batches;

/// <summary>Up to <see cref="BatchStore.ChunkSize"/> consecutive tasks of a batch, written when they are added and never again.</summary>
[GenerateSerializer, Alias("render.v1.BatchTaskChunk")]
public sealed class BatchTaskChunk
{
    [Id(0)] public List<BatchTask> Tasks { get; set; } = [];
}
