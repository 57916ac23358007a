using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>Sends an output to one kind of destination and returns what the destination calls it (URL, id, status).</summary>
public interface IUploader
{
    string Type { get; }

    /// <summary>
    /// One attempt. Must be safe to repeat after a crash at any point: the same destination object is overwritten, or
    /// the session in <paramref name="session"/> is resumed, never a second object made. Throws
    /// <see cref="UploadFailedException"/> (or any exception, taken as transient) when it fails.
    /// </summary>
    Task<string> UploadAsync(UploadDestination destination, UploadSource source, UploadSession session, CancellationToken cancellationToken);
}
