namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// One ffmpeg run: its arguments (passed as an argument list, never through a shell) and the filter graph, which the
/// runner writes to a file named by <c>-filter_complex_script</c> so graph size is not bounded by argument limits.
/// The graph's pictures are labelled <c>out</c> (absent when <c>HasVideo</c> is false); its sound, if any, <c>AudioLabel</c>,
/// or an input's sound stream copied as it is, <c>AudioInput</c> (e.g. <c>3:a</c>).
/// </summary>
public sealed record FfmpegInvocation(
    IReadOnlyList<string> InputArguments,
    string FilterGraph,
    IReadOnlyList<string> OutputArguments,
    int ExpectedFrames,
    string? AudioLabel = null,
    bool HasVideo = true,
    string? AudioInput = null);
