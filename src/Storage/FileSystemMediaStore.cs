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

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true));
        }
        catch (DirectoryNotFoundException e)
        {
            // A key whose folder is missing is as missing as any other; callers catch one exception type for both stores.
            throw new FileNotFoundException($"There is no media object '{key}'.", key, e);
        }
    }

    public async Task DownloadToFileAsync(string key, string localPath, CancellationToken cancellationToken)
    {
        await using var source = await OpenReadAsync(key, cancellationToken);
        await using var destination = File.Create(localPath);
        await source.CopyToAsync(destination, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Like a blob listing: <c>renders/t1/</c> removes that folder only; <c>renders/t1</c> also removes
    /// <c>renders/t1.mp4</c> and <c>renders/t12/</c>.
    /// </summary>
    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        MediaKeys.ValidatePrefix(prefix);
        var path = PathOf(prefix.TrimEnd('/'));
        if (prefix.EndsWith('/'))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return Task.CompletedTask;
        }

        var folder = new DirectoryInfo(Path.GetDirectoryName(path)!);
        if (folder.Exists)
        {
            // Keys allow no wildcard characters, so the name is matched literally.
            foreach (var entry in folder.EnumerateFileSystemInfos(Path.GetFileName(path) + "*"))
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
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
