using Orleans.Render.Rendering.Media;

namespace Orleans.Render.Rendering.Model;

/// <summary>
/// One sound in the movie's mix, on movie frames <c>[StartFrame, EndFrame)</c>: <c>In</c> seconds into the source,
/// repeated when <c>Loop</c>, at <c>Volume</c> (1 = as recorded), faded in and out over the given frames. A source that
/// ends before <c>EndFrame</c> (and does not loop) falls silent; the fade-out then ends where the source does.
/// <c>Envelope</c>, when set, multiplies the volume over time (frames from <c>StartFrame</c>).
/// </summary>
public sealed record AudioClip(
    MediaReference Source,
    int StartFrame,
    int EndFrame,
    double In,
    bool Loop,
    double Volume,
    int FadeInFrames,
    int FadeOutFrames)
{
    public Curve? Envelope { get; init; }
}
