using System.Net.Http.Headers;
using System.Text;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// The real system as <c>./run.sh</c> starts it (Azurite, the silo process, the API process) on free ports, plus a
/// loopback image server and upload destinations (s3rver, the upload target server) the silo is allowed to reach. Silo and API find each other through the Azure Table membership
/// table in that Azurite. Started once for the collection; the silo can be restarted.
/// </summary>
public sealed class RenderSystemFixture : IAsyncLifetime
{
    public const string Key = "TESTKEY";
    public const string Secret = "test-secret-0123456789";

    /// <summary>Not the default: the API finds its silo only when both read the cluster id from configuration.</summary>
    private readonly string clusterId = $"test-{Guid.NewGuid():N}";
    private readonly string dataRoot = Directory.CreateTempSubdirectory("api-tests-").FullName;
    private readonly int siloPort = Ports.Free();
    private readonly int gatewayPort = Ports.Free();
    private readonly int apiPort = Ports.Free();
    private AzuriteServer azurite = null!;
    private ChildProcess silo = null!;
    private ChildProcess api = null!;

    public ImageServer Images { get; private set; } = null!;

    /// <summary>An S3-compatible upload destination (s3rver).</summary>
    public S3Server S3 { get; private set; } = null!;

    /// <summary>HTTP, YouTube and Facebook upload destinations and callback receivers, allow-listed for the silo.</summary>
    public UploadTargetServer Targets { get; private set; } = null!;

    /// <summary>A client for the render API (no credentials).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A client with the management key.</summary>
    public HttpClient Management { get; private set; } = null!;

    public string MediaRoot => Path.Combine(dataRoot, "media");

    /// <summary>The connection string of the fixture's Azurite, which silo and API share.</summary>
    public string StorageConnectionString => azurite.ConnectionString;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        Images = await ImageServer.StartAsync();
        S3 = await S3Server.StartAsync();
        Targets = await UploadTargetServer.StartAsync();
        await StartSiloAsync();
        api = StartApi(apiPort, []);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}"), Timeout = TimeSpan.FromMinutes(2) };
        Management = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        Management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Key}:{Secret}")));
        await WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Management.Dispose();
        await api.DisposeAsync();
        await silo.DisposeAsync();
        await Images.DisposeAsync();
        await Targets.DisposeAsync();
        await S3.DisposeAsync();
        await azurite.DisposeAsync();
        Directory.Delete(dataRoot, recursive: true);
    }

    public async Task StopSiloAsync() => await silo.StopAsync();

    /// <summary>A second API process on the same cluster with extra settings, for behaviour that depends on configuration.</summary>
    public async Task<ExtraApi> StartExtraApiAsync(Dictionary<string, string> settings)
    {
        var port = Ports.Free();
        var extra = new ExtraApi(StartApi(port, settings), new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
        await Ports.WaitUntilOpenAsync(port, TimeSpan.FromSeconds(60), extra.Process.Tail);
        return extra;
    }

    private ChildProcess StartApi(int port, Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__AzureStorage"] = azurite.ConnectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Management__Keys__0__Key"] = Key,
            ["Management__Keys__0__Secret"] = Secret,
            ["RemoteMedia__AllowedEndpoints__0"] = Images.Endpoint,
            ["RemoteMedia__AllowedEndpoints__1"] = S3.Endpoint,
            ["RemoteMedia__AllowedEndpoints__2"] = Targets.Endpoint,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return StartProcess("Api", "Orleans.Render.Api", environment);
    }

    public async Task StartSiloAsync()
    {
        silo = StartProcess("Silo", "Orleans.Render.Silo", new Dictionary<string, string>
        {
            ["ConnectionStrings__AzureStorage"] = azurite.ConnectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Silo__SiloPort"] = $"{siloPort}",
            ["Silo__GatewayPort"] = $"{gatewayPort}",
            ["Render__Engine__WorkDirectory"] = Path.Combine(dataRoot, "work"),
            // Test movies last 2-3 s; 1 s pieces give them several segments, and a player in the browser test a second
            // of video in hand while the next piece renders on this loaded machine.
            ["Render__Streaming__FirstPieceSeconds"] = "1",
            ["Render__Streaming__PieceSeconds"] = "1",
            ["RemoteMedia__AllowedEndpoints__0"] = Images.Endpoint,
            ["RemoteMedia__AllowedEndpoints__1"] = S3.Endpoint,
            ["RemoteMedia__AllowedEndpoints__2"] = Targets.Endpoint,
            ["Uploads__MaxAttempts"] = "3",
            ["Uploads__InitialBackoff"] = "00:00:00.200",
            ["Uploads__MaxBackoff"] = "00:00:01",
            ["Uploads__YouTubeBaseUrl"] = Targets.BaseUrl,
            ["Uploads__FacebookBaseUrl"] = Targets.BaseUrl,
        });
        await Ports.WaitUntilOpenAsync(gatewayPort, TimeSpan.FromSeconds(60), silo.Tail);
    }

    public async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await Http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The API never became healthy.\nSilo:\n{silo.Tail()}\nAPI:\n{api.Tail()}");
    }

    private ChildProcess StartProcess(string project, string assembly, Dictionary<string, string> environment)
    {
        var path = RepositoryPaths.BuiltAssembly(project, assembly);
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["Media__Root"] = MediaRoot;
        return ChildProcess.Start("dotnet", [path], environment, Path.GetDirectoryName(path)!);
    }
}

public sealed record ExtraApi(ChildProcess Process, HttpClient Http) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
/// <summary>The real system, and a headless Chromium for tests that play its URLs as a page would.</summary>
public sealed class RenderSystemCollection : ICollectionFixture<RenderSystemFixture>, ICollectionFixture<BrowserPlayerFixture>
{
    public const string Name = "render system";
}
