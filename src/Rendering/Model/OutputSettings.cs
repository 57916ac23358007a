namespace Orleans.Render.Rendering.Model;

/// <summary>
/// The movie's optional <c>output</c> block: the encoder choices a user may make. A null field keeps the default of
/// the format (see <see cref="Compilation.FormatEncoders"/>); a field a format has no use for is ignored by it.
/// </summary>
public sealed record OutputSettings
{
    public static readonly OutputSettings Default = new();

    /// <summary>H.264 profile of mp4 and flv: <c>baseline</c>, <c>main</c> or <c>high</c>.</summary>
    public string? H264Profile { get; init; }

    /// <summary>Constant rate factor of H.264 (mp4, flv) and VP9 (webm), 0–51, lower is better.</summary>
    public int? Crf { get; init; }

    /// <summary>A target video bitrate in kbit/s, replacing the constant quality of every lossy video format.</summary>
    public int? VideoBitrateKbps { get; init; }

    /// <summary>The sound's bitrate in kbit/s (AAC, Opus, MP2, WMA); PCM in mov has none.</summary>
    public int? AudioBitrateKbps { get; init; }

    /// <summary>ProRes 422 profile of mov: <c>proxy</c>, <c>lt</c>, <c>standard</c> or <c>hq</c>.</summary>
    public string? ProresProfile { get; init; }

    /// <summary>Frames per second of a gif, at most the movie's (frames are dropped evenly).</summary>
    public int? GifFps { get; init; }

    /// <summary>Colours of each gif frame's palette, 2–256.</summary>
    public int? GifColors { get; init; }
}
