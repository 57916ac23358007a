using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Rendering.Assets;

/// <summary>Limits for project asset uploads; bound from the <c>Assets</c> configuration section (the API reads <c>MaxBytes</c> too).</summary>
public sealed class AssetOptions
{
    public const string Section = "Assets";

    /// <summary>The largest asset accepted, in bytes (413 <c>asset_too_large</c> above it).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The largest image (width × height) accepted, read from the header before decoding.</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>How long ffprobe may take to read an uploaded video or audio file before it is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";
}
