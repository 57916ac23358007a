using System.Text.RegularExpressions;
using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Speech;

namespace Orleans.Render.Rendering.Media;

/// <summary>
/// A bound media <c>url</c> of a movie: an absolute http(s) URL fetched under the <see cref="RemoteMediaFetcher"/> rules,
/// the name of a project asset (no scheme, e.g. <c>logo.png</c>), or text to speak (an audio layer's <c>speech</c>).
/// <see cref="MediaResolver"/> turns any of them into a local file.
/// </summary>
public sealed partial record MediaReference
{
    private MediaReference(Uri? url, string? assetName, SpeechRequest? speech = null)
    {
        Url = url;
        AssetName = assetName;
        Speech = speech;
    }

    /// <summary>The remote URL, or null for an asset.</summary>
    public Uri? Url { get; }

    /// <summary>The asset name, or null for a remote URL.</summary>
    public string? AssetName { get; }

    /// <summary>The speech, or null for a file.</summary>
    public SpeechRequest? Speech { get; }

    public bool IsAsset => AssetName is not null;

    public static MediaReference ForUrl(Uri url) => new(RemoteMediaFetcher.ParseUrl(url.AbsoluteUri), null);

    public static MediaReference ForAsset(string name) =>
        Names.IsValidAssetName(name) ? new(null, name) : throw new ArgumentException($"'{name}' is not an asset name.", nameof(name));

    public static MediaReference ForSpeech(SpeechRequest speech) => new(null, null, speech);

    /// <summary>
    /// Reads a bound <c>url</c> field. Anything with a scheme must be an http(s) URL (else 422 <c>url_refused</c>); anything
    /// without one must be an asset name (a path such as <c>/etc/passwd</c> or <c>../x</c> is neither and is refused).
    /// </summary>
    public static MediaReference Parse(string text)
    {
        var trimmed = text.Trim();
        if (SchemePattern().IsMatch(trimmed))
        {
            return new(RemoteMediaFetcher.ParseUrl(trimmed), null);
        }

        return Names.IsValidAssetName(trimmed)
            ? new(null, trimmed)
            : throw new RenderInputException(
                "url_refused",
                $"'{Truncate(trimmed)}' is neither an absolute http(s) URL nor a project asset name (letters, digits, '_', '-', '.').");
    }

    /// <summary>The form used in messages and cache keys: the URL, <c>asset:name</c> or <c>speech:voice:hash</c>.</summary>
    public override string ToString() => Url?.AbsoluteUri ?? (AssetName is not null ? $"asset:{AssetName}" : Speech!.ToString());

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePattern();
}
