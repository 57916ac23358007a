using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Render.Rendering.Speech;

/// <summary>
/// Spoken audio by content address: the same text, voice and provider (<see cref="ISpeechProvider.Identity"/>) give the
/// same file, synthesised once per process and kept across renders in <c>directory</c>. Concurrent requests for
/// the same speech share one synthesis; a file appears under its name only when complete. Past
/// <see cref="SpeechOptions.CacheMaxBytes"/> the least recently used files are deleted.
/// </summary>
public sealed class SpeechCache(ISpeechProvider provider, SpeechOptions options, string directory)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> synthesising = new(StringComparer.Ordinal);

    /// <summary>The cached audio file of <paramref name="request"/>, synthesised first when it is not cached.</summary>
    public async Task<string> GetFileAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var key = Key(request);
        var path = Path.Combine(directory, key + ".audio");
        if (File.Exists(path))
        {
            File.SetLastAccessTimeUtc(path, DateTime.UtcNow);
            return path;
        }

        var shared = synthesising.GetOrAdd(key, _ => new Lazy<Task<string>>(() => SynthesizeAsync(request, path)));
        try
        {
            return await shared.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (shared.Value.IsCompleted)
            {
                synthesising.TryRemove(new KeyValuePair<string, Lazy<Task<string>>>(key, shared));
            }
        }
    }

    /// <summary>The content address: provider, voice, kind and text.</summary>
    private string Key(SpeechRequest request) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{provider.Identity}\n{request.Voice}\n{(request.Ssml ? "ssml" : "text")}\n{request.Text}")))[..40];

    // Not cancelled by one caller: others may wait for the same speech; the provider's own timeout bounds it.
    private async Task<string> SynthesizeAsync(SpeechRequest request, string path)
    {
        await Task.Yield();
        Directory.CreateDirectory(directory);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await provider.SynthesizeAsync(request, partial, CancellationToken.None);
            File.Move(partial, path, overwrite: true);
            File.SetLastAccessTimeUtc(path, DateTime.UtcNow);
        }
        finally
        {
            File.Delete(partial);
        }

        Trim(path);
        return path;
    }

    private void Trim(string keep)
    {
        var files = new DirectoryInfo(directory).GetFiles("*.audio").OrderByDescending(f => f.LastAccessTimeUtc).ToList();
        long total = 0;
        foreach (var file in files)
        {
            total += file.Length;
            if (total > options.CacheMaxBytes && file.FullName != Path.GetFullPath(keep))
            {
                file.Delete();
            }
        }
    }
}
