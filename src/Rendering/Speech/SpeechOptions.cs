using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Rendering.Speech;

/// <summary>Text to speech, bound from <c>Render:Speech</c>: which voice provider speaks and where its audio is kept.</summary>
public sealed class SpeechOptions : IValidatableObject
{
    public const string Section = "Render:Speech";

    /// <summary><c>espeak</c> (the local espeak-ng, the default) or <c>http</c> (a hosted voice at <see cref="HttpUrl"/>).</summary>
    [Required]
    [RegularExpression("^(espeak|http)$", ErrorMessage = "Render:Speech:Provider must be 'espeak' or 'http'.")]
    public string Provider { get; set; } = "espeak";

    /// <summary>The espeak-ng binary: a name on PATH or an absolute path.</summary>
    [Required]
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>The hosted voice's endpoint (http provider): it is POSTed <c>{"text", "voice", "ssml"}</c> and answers with audio.</summary>
    public Uri? HttpUrl { get; set; }

    /// <summary>Sent as the <c>Authorization</c> header to <see cref="HttpUrl"/> when set (e.g. <c>Bearer …</c>).</summary>
    public string? HttpAuthorization { get; set; }

    /// <summary>How long one synthesis may take before it fails the render.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest audio a provider may return, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Where spoken audio is kept, by content address; empty means <c>speech-cache</c> in the render work folder.</summary>
    public string CacheDirectory { get; set; } = "";

    /// <summary>The cache's size limit in bytes; past it the least recently used files are deleted.</summary>
    [Range(1, long.MaxValue)]
    public long CacheMaxBytes { get; set; } = 1024L * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == "http" && (HttpUrl is null || !HttpUrl.IsAbsoluteUri || (HttpUrl.Scheme != Uri.UriSchemeHttp && HttpUrl.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Render:Speech:HttpUrl must be an absolute http(s) URL when Render:Speech:Provider is 'http'.", [nameof(HttpUrl)]);
        }
    }
}
