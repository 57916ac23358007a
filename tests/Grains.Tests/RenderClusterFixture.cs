using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Grains.Tokens;
using Orleans.Render.Storage;
using Orleans.Render.TestSupport;
using Orleans.TestingHost;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>
/// In-process silos wired like the real silo (engine, file media store, Azure Blob grain state and Azure Table
/// reminders on a fresh Azurite, render pools), plus a loopback image server. Two silos in the default pool unless a
/// subclass says otherwise; started once per collection or class.
/// </summary>
public class RenderClusterFixture : IAsyncLifetime
{
    private readonly string mediaRoot = Directory.CreateTempSubdirectory("grain-tests-media-").FullName;
    private AzuriteServer azurite = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ImageServer Images { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string MediaRoot => mediaRoot;

    /// <summary>The fixture's Azurite, which also serves as an Azure Blob upload destination.</summary>
    public string StorageConnectionString => azurite.ConnectionString;

    /// <summary>The Azurite behind grain state and reminders, to pause in a test.</summary>
    public AzuriteServer Azurite => azurite;

    /// <summary>How many times each media key was written, over all silos: proves a render ran once.</summary>
    public CountingMediaStore.Counter Writes { get; } = new();

    protected virtual short SiloCount => 2;

    /// <summary>The pool the silo started as number <paramref name="index"/> (from 0) serves.</summary>
    protected virtual string PoolOf(int index) => RenderPools.DefaultPool;

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected virtual void ConfigureSilo(Orleans.Hosting.ISiloBuilder silo)
    {
    }

    public virtual async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        Images = await ImageServer.StartAsync();
        var connection = azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Media:Root"] = mediaRoot,
                ["Render:Engine:WorkDirectory"] = Path.Combine(mediaRoot, "work"),
                ["RemoteMedia:AllowedEndpoints:0"] = Images.Endpoint,
                // Short-lived test tokens are expired by their bucket within seconds.
                ["Render:Jobs:ExpiryBucket"] = "00:00:02",
            }.Concat(Settings));
            host.Services.AddRenderGrainServices(host.Configuration);
            host.Services.AddRenderTokenLedger(new TableServiceClient(connection));
            host.Services.AddSingleton<IMediaStore>(sp =>
                new CountingMediaStore(new FileSystemMediaStore(sp.GetRequiredService<IOptions<MediaStoreOptions>>()), Writes));
        });
        var silosConfigured = 0;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAzureBlobGrainStorage(GrainStorage.Name, o => o.BlobServiceClient = new BlobServiceClient(connection));
            silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(connection));
            silo.AddRenderPools([PoolOf(Interlocked.Increment(ref silosConfigured) - 1)]);
            ConfigureSilo(silo);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
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
