using System.Globalization;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Storage;

/// <summary>A media store in a folder. Writes go to a temporary file in the same folder and are renamed into place.</summary>
public sealed class FileSystemMediaStore(IOptions<MediaStoreOptions> options) : IMediaStore
{
    private readonly string root = Path.GetFullPath(options.Value.Root);

    public async Task<MediaObject> PutFileAsync(string key, string localPath, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        await using (var source = File.OpenRead(localPath))
        await using (var destination = File.Create(temporary))
        {
            await source.CopyToAsync(destination, cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
        return Describe(key, new FileInfo(target));
    }

    public Task<MediaObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? Describe(key, file) : null);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true));

    public async Task DownloadToFileAsync(string key, string localPath, CancellationToken cancellationToken)
    {
        await using var source = await OpenReadAsync(key, cancellationToken);
        await using var destination = File.Create(localPath);
        await source.CopyToAsync(destination, cancellationToken);
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var path = PathOf(prefix.TrimEnd('/'));
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(root, MediaKeys.Validate(key));

    private static MediaObject Describe(string key, FileInfo file) => new(
        key,
        file.Length,
        string.Create(CultureInfo.InvariantCulture, $"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\""),
        file.LastWriteTimeUtc);
}
