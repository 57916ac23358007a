using Orleans.Concurrency;
using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>
/// One content-addressed unit of render work (key = its fingerprint): a frame range, a movie's sound or the join of
/// segments into an output. Its record of what was stored outlives any job that asked for it, so a resumed job, or a
/// new token asking for identical work, gets the stored file instead of a second render.
/// </summary>
[Alias("render.v1.IRenderUnitGrain")]
public interface IRenderUnitGrain : IGrainWithStringKey
{
    /// <summary>The stored unit; renders it first (on a silo of the work's pool, retrying elsewhere) unless it is stored. Concurrent asks share one render.</summary>
    [Alias("render"), ResponseTimeout("01:00:00")]
    Task<SegmentResult> RenderAsync(SegmentWork work);

    /// <summary>The unit as stored, or null when it is not (yet) stored; renders nothing.</summary>
    [Alias("stored")]
    Task<SegmentResult?> GetStoredAsync();

    /// <summary>The token no longer waits for the unit (it was deleted); a render nobody waits for any more is cancelled.</summary>
    [Alias("abandon"), OneWay]
    Task AbandonAsync(string token);

    /// <summary>Forgets the unit after the segment store evicted its file.</summary>
    [Alias("forget"), OneWay]
    Task ForgetAsync();
}
