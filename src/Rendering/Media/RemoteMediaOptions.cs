namespace Orleans.Render.Rendering.Media;

/// <summary>Limits for fetching caller-supplied media URLs; bound from the "RemoteMedia" configuration section.</summary>
public sealed class RemoteMediaOptions
{
    public const string SectionName = "RemoteMedia";

    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public long MaxPixels { get; set; } = 40_000_000;

    public int MaxRedirects { get; set; } = 3;

    /// <summary>"host:port" entries exempt from the address rules (tests, internal CDNs).</summary>
    public List<string> AllowedEndpoints { get; set; } = [];
}
