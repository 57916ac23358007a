using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Orleans.Render.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobMediaStoreTests(AzuriteFixture azurite) : MediaStoreContract
{
    // A container per test: tests stay independent and each one exercises creation at first use.
    private readonly string container = $"media-{Guid.NewGuid():N}";

    protected override Task<IMediaStore> CreateStoreAsync() => Task.FromResult<IMediaStore>(NewStore());

    [Fact]
    public async Task Concurrent_first_uses_create_the_container_once_and_all_succeed()
    {
        var keys = Enumerable.Range(0, 16).Select(i => $"renders/t1/segments/{i}.mp4").ToArray();

        var stored = await Task.WhenAll(keys.Select(key => PutAsync(key, Bytes(100))));

        Assert.Equal(keys, stored.Select(s => s.Key));
        var names = new List<string>();
        await foreach (var blob in new BlobContainerClient(azurite.ConnectionString, container).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_store_on_the_same_container_sees_the_objects()
    {
        // The silos write and the API reads through separate store instances.
        var put = await PutAsync("renders/t1/mp4.mp4", Bytes(500));

        var other = NewStore();

        Assert.Equal(put, await other.GetAsync("renders/t1/mp4.mp4", CancellationToken.None));
    }

    private AzureBlobMediaStore NewStore() => new AzureBlobMediaStore(
        Options.Create(new MediaStoreOptions { Provider = MediaStoreOptions.AzureBlob, ConnectionString = azurite.ConnectionString, Container = container }),
        NullLogger<AzureBlobMediaStore>.Instance);
}
