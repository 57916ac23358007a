using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Render.TestSupport;

/// <summary>
/// A node script under <c>tests/browser</c> built on <c>harness.mjs</c> (a headless Chromium behind a loopback JSON
/// server) as a child process: started on a free port, ready once its <c>/health</c> answers 200, asked to shut down
/// before it is killed so that Playwright closes Chromium and deletes its temporary profile.
/// </summary>
public sealed class BrowserHarness : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string script;
    private readonly ChildProcess process;
    private readonly HttpClient http;

    private BrowserHarness(string script, ChildProcess process, int port)
    {
        this.script = script;
        this.process = process;
        // Every call passes its own deadline (see PostAsync).
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Starts <c>tests/browser/<paramref name="script"/></c> and waits until it is ready.</summary>
    public static async Task<BrowserHarness> StartAsync(string script)
    {
        var playwright = Path.Combine(RepositoryPaths.Root, "node_modules", "playwright-core", "package.json");
        if (!File.Exists(playwright))
        {
            throw new FileNotFoundException("playwright-core is not installed; run ./test.sh (it runs npm ci and installs chromium) or `npm ci` in the repository.", playwright);
        }

        var port = Ports.Free();
        var path = Path.Combine(RepositoryPaths.Root, "tests", "browser", script);
        var harness = new BrowserHarness(script, ChildProcess.Start("node", [path, $"{port}"], new Dictionary<string, string>(), RepositoryPaths.Root), port);
        try
        {
            await harness.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts <paramref name="request"/> as JSON to <paramref name="route"/> and reads the answer; anything but 2xx throws with the script's last output.</summary>
    public async Task<T> PostAsync<T>(string route, object request, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(deadline);
        using var response = await http.PostAsJsonAsync(route, request, Json, cancel.Token);
        var body = await response.Content.ReadAsStringAsync(cancel.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{script} answered {(int)response.StatusCode} to POST /{route}: {body}\n{process.Tail()}");
        }

        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"{script} answered an empty body to POST /{route}.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var _ = await http.PostAsync("shutdown", content: null, shutdown.Token);
            await process.WaitForExitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
        }

        await process.DisposeAsync();
        http.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{script} exited while starting:\n{process.Tail()}");
            }

            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync("health", probe.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{script} was not healthy within {timeout}:\n{process.Tail()}");
    }
}
