namespace Orleans.Render.TestSupport;

/// <summary>Why a play stopped short: the media element's error or a fatal hls.js error.</summary>
/// <param name="Source"><c>video</c> (<c>HTMLMediaElement.error</c>, <see cref="Code"/> a <c>MediaError</c> code) or <c>hls</c> (a fatal hls.js error, <see cref="Code"/> the HTTP status when one was involved).</param>
public sealed record PlaybackError(string Source, int Code, string Message);
