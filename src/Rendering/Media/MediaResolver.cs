using System.Security.Cryptography;
using System.Text;
using Orleans.Render.Rendering.Speech;

namespace Orleans.Render.Rendering.Media;

/// <summary>
/// Turns a <see cref="MediaReference"/> into bytes or a local file: remote URLs through <see cref="RemoteMediaFetcher"/>
/// (address rules, size and time bounds), assets through <see cref="IAssetSource"/>, speech through the
/// <see cref="SpeechCache"/>. Every media layer type uses it, so "an asset name or a URL" means the same everywhere.
/// </summary>
public sealed class MediaResolver(RemoteMediaFetcher fetcher, IAssetSource assets, SpeechCache speech)
{
    /// <summary>A local file holding the media, inside <paramref name="workDirectory"/> (deleted with it).</summary>
    public async Task<string> GetLocalFileAsync(MediaReference reference, string project, string workDirectory, CancellationToken cancellationToken)
    {
        if (reference.AssetName is { } name)
        {
            return await assets.GetLocalFileAsync(project, name, workDirectory, cancellationToken);
        }

        if (reference.Speech is { } spoken)
        {
            var cached = await speech.GetFileAsync(spoken, cancellationToken);
            var copy = Path.Combine(workDirectory, $"speech-{Guid.NewGuid():N}.audio");
            File.Copy(cached, copy);
            return copy;
        }

        var url = reference.Url!.AbsoluteUri;
        var bytes = await fetcher.FetchAsync(url, cancellationToken);
        var path = Path.Combine(
            workDirectory,
            $"remote-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..24]}-{Guid.NewGuid():N}{SafeExtension(reference.Url)}");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        return path;
    }

    /// <summary>The media's bytes (images: they are decoded from memory).</summary>
    public async Task<byte[]> GetBytesAsync(MediaReference reference, string project, string workDirectory, CancellationToken cancellationToken)
    {
        if (reference.Url is { } url)
        {
            return await fetcher.FetchAsync(url.AbsoluteUri, cancellationToken);
        }

        var path = await assets.GetLocalFileAsync(project, reference.AssetName!, workDirectory, cancellationToken);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The URL path's extension when it is short and plain (a hint for ffmpeg's probing), else none.</summary>
    private static string SafeExtension(Uri url)
    {
        var extension = Path.GetExtension(url.AbsolutePath);
        return extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : "";
    }
}
