using System.Text.Json;

namespace Orleans.Render.TestSupport;

/// <summary>
/// What a viewer got from one <see cref="BrowserPlayer.PlayAsync"/>. Times are milliseconds of wall time in the page;
/// <see cref="Duration"/> and <see cref="CurrentTime"/> are media seconds (null when the browser did not know them).
/// </summary>
/// <param name="Ended">The <c>ended</c> event fired: the video played to its end.</param>
/// <param name="TimedOut">Neither ended nor failed within the timeout.</param>
/// <param name="Stalls"><c>waiting</c> events after playback had started.</param>
/// <param name="StallMs">Total time of those stalls.</param>
/// <param name="LagMs">Wall time since the first <c>playing</c> minus media time played: a freeze shows here even when the browser fires no <c>waiting</c>.</param>
/// <param name="DecodedFrames"><c>getVideoPlaybackQuality().totalVideoFrames</c>.</param>
/// <param name="AudioDecodedBytes">Chromium's <c>webkitAudioDecodedByteCount</c>: above zero when the audio track decoded (also when muted).</param>
/// <param name="FirstFrameMs">From setting the source to the first <c>loadeddata</c> or <c>playing</c>: the first picture.</param>
/// <param name="PlayingMs">From setting the source to the first <c>playing</c>. Autoplay waits until the browser thinks it can play through, so a source slower than real time shows here as a late start, not as a stall.</param>
/// <param name="Events">The media events in order with their time (<c>"playing@212"</c>), for failure messages.</param>
public sealed record PlaybackResult(
    bool Ended,
    bool TimedOut,
    double? Duration,
    double? CurrentTime,
    int VideoWidth,
    int VideoHeight,
    int Stalls,
    double StallMs,
    double? LagMs,
    IReadOnlyList<PlaybackError> Errors,
    int DecodedFrames,
    int DroppedFrames,
    long AudioDecodedBytes,
    double? FirstFrameMs,
    double? PlayingMs,
    double ElapsedMs,
    IReadOnlyList<string> Events)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The whole result as JSON, so an assertion message shows everything the viewer went through.</summary>
    public override string ToString() => JsonSerializer.Serialize(this, Indented);
}
