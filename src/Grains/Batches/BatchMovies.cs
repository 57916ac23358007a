namespace Orleans.Render.Grains.Batches;

/// <summary>The documents of the movies a batch's tasks name, snapshotted when the tasks were added (a later add of the same name replaces it).</summary>
[GenerateSerializer, Alias("render.v1.BatchMovies")]
public sealed class BatchMovies
{
    [Id(0)] public Dictionary<string, string> Movies { get; set; } = new(StringComparer.Ordinal);
}
