using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>Renders one frame range with ffmpeg into the media store (key = <c>{token}/{output}/{segment}</c>).</summary>
[Alias("render.v1.ISegmentRendererGrain")]
public interface ISegmentRendererGrain : IGrainWithStringKey
{
    /// <summary>Renders the work into the media store; cancelling kills ffmpeg.</summary>
    [Alias("render"), ResponseTimeout("01:00:00")]
    Task<SegmentResult> RenderAsync(SegmentWork work, CancellationToken cancellationToken = default);
}
