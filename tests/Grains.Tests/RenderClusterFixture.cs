using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Storage;
using Orleans.Render.TestSupport;
using Orleans.TestingHost;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>
/// Two in-process silos wired like the real silo (engine, file media store, Azure Blob grain state and Azure Table
/// reminders on a fresh Azurite), plus a loopback image server. Started once for the whole collection.
/// </summary>
public sealed class RenderClusterFixture : IAsyncLifetime
{
    private readonly string mediaRoot = Directory.CreateTempSubdirectory("grain-tests-media-").FullName;
    private AzuriteServer azurite = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ImageServer Images { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string MediaRoot => mediaRoot;

    /// <summary>How many times each media key was written, over all silos: proves a render ran once.</summary>
    public CountingMediaStore.Counter Writes { get; } = new();

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        Images = await ImageServer.StartAsync();
        var connection = azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Media:Root"] = mediaRoot,
                ["Render:Engine:WorkDirectory"] = Path.Combine(mediaRoot, "work"),
                ["RemoteMedia:AllowedEndpoints:0"] = Images.Endpoint,
            });
            host.Services.AddRenderGrainServices(host.Configuration);
            host.Services.AddSingleton<IMediaStore>(sp =>
                new CountingMediaStore(new FileSystemMediaStore(sp.GetRequiredService<IOptions<MediaStoreOptions>>()), Writes));
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAzureBlobGrainStorage(GrainStorage.Name, o => o.BlobServiceClient = new BlobServiceClient(connection));
            silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(connection));
            silo.AddRenderPools([RenderPools.DefaultPool]);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Images.DisposeAsync();
        await azurite.DisposeAsync();
        Directory.Delete(mediaRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class RenderClusterCollection : ICollectionFixture<RenderClusterFixture>
{
    public const string Name = "render cluster";
}
