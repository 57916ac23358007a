using Orleans.Concurrency;
using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>
/// The index of the segment store (one per cluster): which render units are stored, their size and when each was last
/// used. It evicts the least recently used units when the store grows past its size limit, and units unused for longer
/// than its age limit.
/// </summary>
[Alias("render.v1.ISegmentStoreGrain")]
public interface ISegmentStoreGrain : IGrainWithStringKey
{
    [Alias("add")]
    Task AddAsync(string unit, string? mediaKey, long bytes);

    [Alias("touch"), OneWay]
    Task TouchAsync(string unit);

    /// <summary>Evicts what the limits say must go, now; returns how many units were evicted.</summary>
    [Alias("sweep")]
    Task<int> SweepAsync();

    [Alias("stats")]
    Task<SegmentStoreStats> GetStatsAsync();
}
