namespace Orleans.Render.TestSupport;

/// <summary>
/// The Azure Storage emulator from the repository's pinned npm package, on free ports with a fresh data folder,
/// so every test run starts from empty storage and never touches a developer's running instance.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess process;
    private readonly string dataDirectory;

    private AzuriteServer(ChildProcess process, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var executable = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException("Azurite is not installed; run ./test.sh (it runs npm ci) or `npm ci` in the repository.", executable);
        }

        var (blob, queue, table) = (Ports.Free(), Ports.Free(), Ports.Free());
        var data = Directory.CreateTempSubdirectory("azurite-").FullName;
        var process = ChildProcess.Start(
            executable,
            ["--silent", "--location", data, "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1",
             "--queuePort", $"{queue}", "--tableHost", "127.0.0.1", "--tablePort", $"{table}", "--skipApiVersionCheck", "--loose", "--disableTelemetry"],
            new Dictionary<string, string>(),
            data);
        var server = new AzuriteServer(process, data, blob, queue, table);
        try
        {
            // Azurite took up to 29 s to open its ports on a loaded 2-core machine.
            await Ports.WaitUntilOpenAsync(blob, TimeSpan.FromSeconds(90), process.Tail);
            await Ports.WaitUntilOpenAsync(table, TimeSpan.FromSeconds(90), process.Tail);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the emulator and deletes its data once the test process ends, for a server no fixture disposes.</summary>
    internal void StopWithTestProcess() => OrphanReaper.Watch(process.Id, dataDirectory);

    /// <summary>Freezes Azurite (SIGSTOP): connections are still accepted but nothing is answered, as in a storage outage.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>Thaws a paused Azurite (SIGCONT); the requests that waited are answered.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
