using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Api;

/// <summary>Bound from the <c>Render</c> configuration section.</summary>
public sealed class RenderApiOptions
{
    public const string Section = "Render";

    /// <summary>The largest <c>parallel</c> a request may ask for.</summary>
    [Range(1, 64)]
    public int MaxParallel { get; set; } = 8;

    /// <summary>How long a token and its outputs live.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The render pools a request may name as its routing key; silos declare which ones they serve.</summary>
    [MinLength(1)]
    public List<string> Pools { get; set; } = [];

    /// <summary>The base of the <c>url</c> returned for a render; when empty, the request's own scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Bound from the <c>Assets</c> configuration section (the silo reads the same section for its content checks).</summary>
public sealed class AssetApiOptions
{
    public const string Section = "Assets";

    /// <summary>The largest asset upload in bytes; larger bodies are 413 <c>asset_too_large</c>.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 200L * 1024 * 1024;
}

/// <summary>One management key pair; requests authenticate with HTTP Basic <c>key:secret</c>.</summary>
public sealed class ManagementKey
{
    [Required]
    public string Key { get; set; } = "";

    [Required, MinLength(16)]
    public string Secret { get; set; } = "";
}

/// <summary>Bound from the <c>Management</c> configuration section.</summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    public List<ManagementKey> Keys { get; set; } = [];
}
