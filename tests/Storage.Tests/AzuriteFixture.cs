using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Storage.Tests;

/// <summary>One Azurite for every Azure Blob test; each test uses its own container, so tests never see each other's blobs.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer server = null!;

    public string ConnectionString => server.ConnectionString;

    public async Task InitializeAsync() => server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
