namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A video drawn into the layer's box (<c>Fit</c> as for images) and played in sync from the layer's start,
/// <c>In</c> seconds into the source. Its sound is mixed into the movie's audio unless <c>Mute</c>.
/// </summary>
public sealed record VideoLayer(
    LayerBox Box,
    LayerTiming Timing,
    string Url,
    double In,
    bool Loop,
    bool Mute,
    double Volume,
    string Fit) : Layer(Box, Timing)
{
    /// <summary>The sound's volume over time, from the layer's start; empty for a steady volume.</summary>
    public IReadOnlyList<VolumePoint> VolumeCurve { get; init; } = [];
}

/// <summary>
/// Sound only: played from the layer's start within its scene, mixed into the movie's audio. The sound is the file at
/// <c>Url</c>, or, when <c>Speech</c> is set (and <c>Url</c> empty), that text spoken.
/// </summary>
public sealed record AudioLayer(LayerTiming Timing, string Url, double In, bool Loop, double Volume, string? Condition)
    : Layer(new LayerBox(0, 0, null, null), Timing)
{
    public SpokenText? Speech { get; init; }

    /// <summary>The volume over time, from the layer's start; empty for a steady volume.</summary>
    public IReadOnlyList<VolumePoint> VolumeCurve { get; init; } = [];
}

/// <summary>An audio layer's text to speak (plain or SSML, may hold variables) and its voice (null: the provider's default).</summary>
public sealed record SpokenText(string Text, string? Voice);

/// <summary>The movie-wide music track: plays from the first frame to the last, under the scenes' sounds.</summary>
public sealed record MovieAudio(string Url, double Volume, double In, bool Loop, double FadeIn, double FadeOut)
{
    /// <summary>The volume over time, from the movie's start; empty for a steady volume.</summary>
    public IReadOnlyList<VolumePoint> VolumeCurve { get; init; } = [];
}
