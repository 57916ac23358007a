using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Render.Grains.Tokens;
using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>New tokens are kept in the token ledger's shared table transactions; a job writes state of its own only once it changes.</summary>
[Collection(RenderClusterCollection.Name)]
public sealed class TokenLedgerTests(RenderClusterFixture fixture)
{
    [Fact]
    public async Task Tokens_made_together_are_ledger_rows_and_write_no_state_of_their_own()
    {
        var jobs = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Jobs.CreateAsync(fixture, Movies.TwoScenes)));
        var tokens = jobs.Select(j => j.GetPrimaryKeyString()).ToHashSet();

        var rows = new TableServiceClient(fixture.StorageConnectionString).GetTableClient(TokenLedger.TableName)
            .QueryAsync<TableEntity>(select: ["RowKey"]);
        var kept = new HashSet<string>();
        await foreach (var row in rows)
        {
            kept.Add(row.RowKey);
        }

        Assert.Subset(kept, tokens);
        Assert.Empty(await BlobsNamingAsync(tokens));
    }

    [Fact]
    public async Task A_token_kept_only_in_the_ledger_expires_by_its_clock_and_is_deleted_for_good_after_reactivation()
    {
        var expiring = await Jobs.CreateAsync(fixture, Movies.TwoScenes, ttl: TimeSpan.FromMilliseconds(500));
        var deleted = await Jobs.CreateAsync(fixture, Movies.TwoScenes);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await ReactivateAllAsync();

        Assert.True((await expiring.GetInfoAsync())!.Expired);
        Assert.Equal("expired", (await expiring.RenderAsync(new OutputRequest("mp4"))).ErrorCode);
        Assert.True(await deleted.DeleteAsync());
        await ReactivateAllAsync();
        Assert.True((await deleted.GetInfoAsync())!.Cancelled);
        Assert.Equal("cancelled", (await deleted.RenderAsync(new OutputRequest("mp4"))).ErrorCode);
        Assert.Null(await fixture.Grains.GetGrain<IRenderJobGrain>(Guid.NewGuid().ToString("N")).GetInfoAsync());
    }

    private Task ReactivateAllAsync() => fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>Grain-state blobs whose names hold one of <paramref name="tokens"/>.</summary>
    private async Task<List<string>> BlobsNamingAsync(IReadOnlySet<string> tokens)
    {
        var found = new List<string>();
        var blobs = new BlobServiceClient(fixture.StorageConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                if (tokens.Any(t => blob.Name.Contains(t, StringComparison.Ordinal)))
                {
                    found.Add(blob.Name);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A call that may still go to the silo just killed (until the cluster declares it dead, a call there times out
    /// after 30 s): asks again for up to two minutes.
    /// </summary>
}
