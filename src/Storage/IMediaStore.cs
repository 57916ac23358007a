namespace Orleans.Render.Storage;

/// <summary>
/// Where rendered outputs live, shared by the silos that write them and the API that serves them.
/// Keys are relative paths such as <c>renders/{token}/mp4.mp4</c>.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores the file at <paramref name="localPath"/> under <paramref name="key"/>, replacing any earlier object atomically.</summary>
    Task<MediaObject> PutFileAsync(string key, string localPath, CancellationToken cancellationToken);

    /// <summary>The object's metadata, or null when there is none.</summary>
    Task<MediaObject?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>A readable, seekable stream of the object.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Copies the object to <paramref name="localPath"/>, replacing any file there; used to assemble segments on one silo.</summary>
    Task DownloadToFileAsync(string key, string localPath, CancellationToken cancellationToken);

    /// <summary>Deletes the object stored under exactly <paramref name="key"/>, if there is one.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every object whose key starts with <paramref name="prefix"/>.</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken);
}
