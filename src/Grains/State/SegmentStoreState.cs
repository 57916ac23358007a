namespace Orleans.Render.Grains.State;

[GenerateSerializer, Alias("render.v1.SegmentStoreState")]
public sealed class SegmentStoreState
{
    [Id(0)] public Dictionary<string, StoredUnit> Units { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A stored unit's file (null when it has none), size and last use.</summary>
[GenerateSerializer, Alias("render.v1.StoredUnit")]
public sealed class StoredUnit
{
    [Id(0)] public string? MediaKey { get; set; }

    [Id(1)] public long Bytes { get; set; }

    [Id(2)] public DateTimeOffset LastUsedAt { get; set; }
}
