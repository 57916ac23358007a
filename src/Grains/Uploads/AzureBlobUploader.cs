using Azure;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// Writes the output to a block blob, replacing whatever an earlier attempt left there. The container must exist. A
/// destination naming only its account uses the connection string of <c>Uploads:ServerCredentials:AzureAccounts</c>.
/// </summary>
public sealed class AzureBlobUploader(UploadHttp http, IOptions<ServerCredentialsOptions> credentials) : IUploader
{
    public string Type => UploadDestinationTypes.AzureBlob;

    public async Task<string> UploadAsync(UploadDestination destination, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        var azure = (AzureBlobDestination)destination;
        var options = new BlobClientOptions { Transport = new HttpClientTransport(http.Client) };
        options.Retry.MaxRetries = 0;
        // Only the account named: the server holds its connection string (UploadSender has checked the grant).
        var connection = azure.ConnectionString
            ?? (azure.AccountKey is null && azure.SasToken is null ? credentials.Value.AzureAccounts[azure.Account!].ConnectionString : null);
        var service = connection is not null ? new BlobServiceClient(connection, options)
            : azure.SasToken is not null ? new BlobServiceClient(new Uri($"{AccountUrl(azure.Account!)}?{azure.SasToken.TrimStart('?')}"), options)
            : new BlobServiceClient(new Uri(AccountUrl(azure.Account!)), new StorageSharedKeyCredential(azure.Account, azure.AccountKey), options);
        var blob = service.GetBlobContainerClient(azure.Container).GetBlobClient(azure.Blob);
        try
        {
            await blob.UploadAsync(
                source.Content,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = azure.ContentType ?? source.ContentType } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status != 0)
        {
            throw new UploadFailedException(
                $"Azure Storage answered {ex.Status} {ex.ErrorCode}.", UploadFailedException.IsPermanentStatus(ex.Status), ex);
        }

        return new UriBuilder(blob.Uri) { Query = "" }.Uri.AbsoluteUri;
    }

    private static string AccountUrl(string account) => $"https://{account}.blob.core.windows.net";
}
