using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>
/// Runs one attempt of a render unit with ffmpeg on a silo of the unit's pool and stores the result
/// (key = <c>{pool}/{unit}/{index}/{attempt}</c>, which placement reads).
/// </summary>
[Alias("render.v1.ISegmentRendererGrain")]
public interface ISegmentRendererGrain : IGrainWithStringKey
{
    /// <summary>Renders the work into the media store under <c>work.MediaKey</c>; cancelling kills ffmpeg.</summary>
    [Alias("render"), ResponseTimeout("01:00:00")]
    Task<SegmentResult> RenderAsync(SegmentWork work, CancellationToken cancellationToken = default);
}
