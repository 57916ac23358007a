namespace Orleans.Render.Rendering.Compilation;

/// <summary>Encoder settings shared by every render, so outputs (and later, segments) are encoded identically.</summary>
public sealed class EncoderSettings
{
    /// <summary>x264 preset for mp4.</summary>
    public string X264Preset { get; set; } = "veryfast";

    /// <summary>x264 constant rate factor for mp4 (0–51, lower is better).</summary>
    public int X264Crf { get; set; } = 23;

    /// <summary>VP9 constant quality for webm (0–63, lower is better).</summary>
    public int Vp9Crf { get; set; } = 34;

    /// <summary>libvpx speed for webm (0–8, higher is faster).</summary>
    public int Vp9Speed { get; set; } = 8;

    /// <summary>Threads per ffmpeg process for filtering and encoding; 0 lets ffmpeg choose (one per core).</summary>
    public int Threads { get; set; }
}
