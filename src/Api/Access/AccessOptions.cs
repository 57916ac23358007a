using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Api.Access;

/// <summary>Bound from the <c>Access</c> configuration section: private projects, render keys and signed URLs.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// How long an API process trusts what it read about a project's privacy and keys, and about a management key: a
    /// revoked or rotated key, or a project made private, takes effect everywhere within this time (at once on the API
    /// process that made the change). Zero reads the grains on every request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The lifetime of a URL signed by <c>POST /v1/sign/{project}</c> that names no <c>expires</c> or <c>ttl</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan SignedUrlTtl { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The longest a signed URL may live.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MaxSignedUrlTtl { get; set; } = TimeSpan.FromDays(365);
}
