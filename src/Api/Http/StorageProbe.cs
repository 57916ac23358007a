using Azure.Data.Tables;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Whether the storage account behind <c>ConnectionStrings:AzureStorage</c> (membership, grain state, reminders)
/// answers: one table lookup without the SDK's retries, so <c>/health</c> can tell a storage outage from lost silos.
/// </summary>
public sealed class StorageProbe(string connectionString)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly TableServiceClient tables = new(connectionString, new TableClientOptions
    {
        Retry = { MaxRetries = 0, NetworkTimeout = Timeout },
    });

    /// <summary>Null when storage answered within a few seconds, else why not.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Timeout);
        try
        {
            await using var pages = tables.QueryAsync(t => t.Name == "OrleansSiloInstances", maxPerPage: 1, limit.Token).AsPages().GetAsyncEnumerator(limit.Token);
            await pages.MoveNextAsync();
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Azure Storage did not answer within {Timeout.TotalSeconds:0} s.";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            return $"Azure Storage is unreachable: {ex.Message.Split('\n')[0]}";
        }
    }
}
