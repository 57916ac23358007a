using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Storage;

/// <summary>
/// A media store in one Azure Blob container; the blob name is the key. Every silo and the API share it through the
/// connection string, so no shared folder is needed.
/// </summary>
public sealed class AzureBlobMediaStore(IOptions<MediaStoreOptions> options, ILogger<AzureBlobMediaStore> logger) : IMediaStore, IDisposable
{
    private readonly BlobContainerClient container = new(options.Value.ConnectionString, options.Value.Container);
    private readonly SemaphoreSlim creating = new(1, 1);
    private volatile bool created;

    public async Task<MediaObject> PutFileAsync(string key, string localPath, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(key, cancellationToken);
        var length = new FileInfo(localPath).Length;

        // A block blob upload commits all blocks at once, so readers see the old or the new content, never a mix.
        var uploaded = await blob.UploadAsync(localPath, overwrite: true, cancellationToken);
        return new MediaObject(key, length, uploaded.Value.ETag.ToString("H"), uploaded.Value.LastModified);
    }

    public async Task<MediaObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(key, cancellationToken);
        try
        {
            BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return new MediaObject(key, properties.ContentLength, properties.ETag.ToString("H"), properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(key, cancellationToken);
        try
        {
            // Pinned to the ETag seen at open (allowModifications: false): a replacement during a read fails it
            // instead of splicing two versions. The stream knows its Length and seeks, which range requests need.
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw Missing(key, e);
        }
    }

    public async Task DownloadToFileAsync(string key, string localPath, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(key, cancellationToken);

        // The client creates the file before it knows the blob exists; a temporary name keeps a failed
        // download from leaving an empty or partial file at localPath.
        var temporary = $"{localPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            await blob.DownloadToAsync(temporary, cancellationToken);
            File.Move(temporary, localPath, overwrite: true);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw Missing(key, e);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await (await BlobAsync(key, cancellationToken)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    public async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        MediaKeys.ValidatePrefix(prefix);
        var client = await ContainerAsync(cancellationToken);
        await foreach (var item in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            await client.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
    }

    private async Task<BlobClient> BlobAsync(string key, CancellationToken cancellationToken)
    {
        var name = MediaKeys.Validate(key);
        return (await ContainerAsync(cancellationToken)).GetBlobClient(name);
    }

    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await creating.WaitAsync(cancellationToken);
            try
            {
                if (!created)
                {
                    // Not cached on failure: a store that starts before the storage account is reachable recovers.
                    var response = await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                    if (response is not null)
                    {
                        logger.LogInformation("Created media container {Container}", container.Name);
                    }

                    created = true;
                }
            }
            finally
            {
                creating.Release();
            }
        }

        return container;
    }

    private static FileNotFoundException Missing(string key, Exception inner) => new($"There is no media object '{key}'.", key, inner);

    public void Dispose() => creating.Dispose();
}
