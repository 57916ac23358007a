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
using Orleans.Render.Conventions;

namespace Orleans.Render.Grains.Tests;

/// <summary>
/// In-process silos wired like the real silo (engine, file media store, Azure Blob grain state and Azure Table
/// reminders, render pools), plus a loopback image server. Two silos in the default pool unless a subclass says
/// otherwise; started once per collection or class. Grain state and reminders live in a blob container and a table of
/// this fixture's own on the assembly's <see cref="SharedAzurite"/>, so every cluster starts from empty storage.
/// </summary>
public class RenderClusterFixture : IAsyncLifetime
{
    private readonly string mediaRoot = Directory.CreateTempSubdirectory("grain-tests-media-").FullName;
    private readonly string storageSuffix = Guid.NewGuid().ToString("N")[..12];
    private AzuriteServer azurite = null!;
    private AzuriteServer? ownAzurite;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public ImageServer Images { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public string MediaRoot => mediaRoot;

    /// <summary>The Azurite behind grain state and reminders, which also serves as an Azure Blob upload destination.</summary>
    public string StorageConnectionString => azurite.ConnectionString;

    /// <summary>The fixture's own Azurite, to pause in a test; only a fixture that says <see cref="PausesStorage"/> has one.</summary>
    public AzuriteServer Azurite => ownAzurite ??
        throw new InvalidOperationException($"{GetType().Name} shares the assembly's Azurite, which no test may pause; override PausesStorage.");

    /// <summary>How many times each media key was written, over all silos: proves a render ran once.</summary>
    public CountingMediaStore.Counter Writes { get; } = new();

    protected virtual short SiloCount => 2;

    /// <summary>True for a fixture whose tests pause Azurite (a storage outage): it gets an Azurite of its own.</summary>
    protected virtual bool PausesStorage => false;

    private string StateContainer => $"grainstate-{storageSuffix}";

    private string ReminderTable => $"reminders{storageSuffix}";

    /// <summary>The pool the silo started as number <paramref name="index"/> (from 0) serves.</summary>
    protected virtual string PoolOf(int index) => ClusterDefaults.Pool;

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected virtual void ConfigureSilo(Orleans.Hosting.ISiloBuilder silo)
    {
    }

    public virtual async Task InitializeAsync()
    {
        ownAzurite = PausesStorage ? await AzuriteServer.StartAsync() : null;
        azurite = ownAzurite ?? await SharedAzurite.GetAsync();
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
            silo.AddAzureBlobGrainStorage(GrainStorage.Name, o =>
            {
                o.BlobServiceClient = new BlobServiceClient(connection);
                o.ContainerName = StateContainer;
            });
            silo.UseAzureTableReminderService(o =>
            {
                o.TableServiceClient = new TableServiceClient(connection);
                o.TableName = ReminderTable;
            });
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
        if (ownAzurite is not null)
        {
            await ownAzurite.DisposeAsync();
        }
        else
        {
            // Tests that look through every container (for a job's state, for leaked credentials) only see live clusters.
            await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StateContainer).DeleteIfExistsAsync();
            await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(ReminderTable);
        }

        Directory.Delete(mediaRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class RenderClusterCollection : ICollectionFixture<RenderClusterFixture>
{
    public const string Name = "render cluster";
}
