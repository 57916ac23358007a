using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Render.TestSupport;

namespace Orleans.Render.Grains.Tests;

/// <summary>
/// Two silos with fast upload retries (backoff from 200 ms, 4 attempts, a 1 s reminder), quick failure detection so a
/// silo can be killed, two upload slots per project, and the destinations on loopback: s3rver, the upload target server
/// (HTTP, YouTube, Facebook, Dropbox, callbacks), a fault-injecting proxy in front of s3rver and the Azurite behind the
/// cluster's storage, all allow-listed like a real deployment would list an internal endpoint.
/// </summary>
public sealed class UploadClusterFixture : RenderClusterFixture
{
    public const int MaxAttempts = 4;
    public const int MultipartThreshold = 64 * 1024;

    public S3Server S3 { get; private set; } = null!;

    public UploadTargetServer Targets { get; private set; } = null!;

    /// <summary>s3rver behind a proxy that can fail chosen requests.</summary>
    public FaultyProxy S3Proxy { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RemoteMedia:AllowedEndpoints:1", S3.Endpoint),
        new("RemoteMedia:AllowedEndpoints:2", Targets.Endpoint),
        new("RemoteMedia:AllowedEndpoints:3", AzuriteBlobEndpoint),
        new("RemoteMedia:AllowedEndpoints:4", S3Proxy.Endpoint),
        new("Uploads:MaxAttempts", $"{MaxAttempts}"),
        new("Uploads:InitialBackoff", "00:00:00.200"),
        new("Uploads:MaxBackoff", "00:00:01"),
        new("Uploads:ReminderPeriod", "00:00:01"),
        new("Uploads:MaxConcurrentPerProject", "2"),
        new("Uploads:S3MultipartThreshold", $"{MultipartThreshold}"),
        new("Uploads:S3PartSize", "16384"),
        new("Uploads:YouTubeChunkSize", "16384"),
        new("Uploads:FacebookChunkSize", "16384"),
        new("Uploads:YouTubeBaseUrl", Targets.BaseUrl),
        new("Uploads:FacebookBaseUrl", Targets.BaseUrl),
        new("Uploads:DropboxChunkSize", "16384"),
        new("Uploads:DropboxBaseUrl", Targets.BaseUrl),
        new($"Uploads:ServerCredentials:AzureAccounts:{HeldAzureAccount}:ConnectionString", StorageConnectionString),
        new($"Uploads:ServerCredentials:AzureAccounts:{HeldAzureAccount}:Projects:0", Uploads.Project),
        new($"Uploads:ServerCredentials:AzureAccounts:{HeldAzureAccount}:Targets:0", HeldAzureContainer),
    ];

    /// <summary>An Azure account whose credential the server holds, for <see cref="Uploads.Project"/> and one container.</summary>
    public const string HeldAzureAccount = "heldstore";

    public const string HeldAzureContainer = "held";

    private string AzuriteBlobEndpoint =>
        new Uri(StorageConnectionString.Split(';').Single(p => p.StartsWith("BlobEndpoint=", StringComparison.Ordinal))["BlobEndpoint=".Length..]).Authority;

    public override async Task InitializeAsync()
    {
        S3 = await S3Server.StartAsync();
        Targets = await UploadTargetServer.StartAsync();
        S3Proxy = await FaultyProxy.StartAsync(S3.Host);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await S3Proxy.DisposeAsync();
        await Targets.DisposeAsync();
        await S3.DisposeAsync();
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.NumMissedProbesLimit = 1;
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumVotesForDeathDeclaration = 1;
        });
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}
