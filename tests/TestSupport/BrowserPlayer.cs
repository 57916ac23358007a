using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Render.TestSupport;

/// <summary>
/// A real headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by <c>tests/browser/player.mjs</c> through the
/// pinned playwright-core) that plays a URL in a <c>&lt;video&gt;</c> at 1x, muted, and reports what a viewer got.
/// Start one per test collection (<see cref="BrowserPlayerFixture"/>): the browser takes a second or two to start,
/// a play only the movie's length. The page comes from the player's own loopback origin, so the media server must
/// answer cross-origin (<c>Access-Control-Allow-Origin</c>) for hls.js; <c>&lt;video src&gt;</c> does not need it.
/// </summary>
public sealed class BrowserPlayer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ChildProcess process;
    private readonly HttpClient http;

    private BrowserPlayer(ChildProcess process, int port)
    {
        this.process = process;
        // Plays are bounded by their own timeout; see PlayAsync.
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public static async Task<BrowserPlayer> StartAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "browser", "player.mjs");
        var playwright = Path.Combine(RepositoryPaths.Root, "node_modules", "playwright-core", "package.json");
        if (!File.Exists(playwright))
        {
            throw new FileNotFoundException("playwright-core is not installed; run ./test.sh (it runs npm ci and installs chromium) or `npm ci` in the repository.", playwright);
        }

        var port = Ports.Free();
        var player = new BrowserPlayer(ChildProcess.Start("node", [script, $"{port}"], new Dictionary<string, string>(), RepositoryPaths.Root), port);
        try
        {
            await player.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            return player;
        }
        catch
        {
            await player.DisposeAsync();
            throw;
        }
    }

    /// <summary>Plays <paramref name="url"/> until it ends, fails or <paramref name="timeout"/> passes; a timeout is a result (<see cref="PlaybackResult.TimedOut"/>), not an exception.</summary>
    public async Task<PlaybackResult> PlayAsync(string url, PlaybackKind kind, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var request = new { url, kind = kind == PlaybackKind.Hls ? "hls" : "native", timeoutMs = (long)timeout.TotalMilliseconds };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout + TimeSpan.FromSeconds(30));
        using var response = await http.PostAsJsonAsync("play", request, Json, deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            throw new InvalidOperationException($"The browser player answered {(int)response.StatusCode} to playing {url}: {body}\n{process.Tail()}");
        }

        return await response.Content.ReadFromJsonAsync<PlaybackResult>(Json, deadline.Token)
            ?? throw new InvalidOperationException("The browser player answered an empty body.");
    }

    public async ValueTask DisposeAsync()
    {
        // Asked first rather than killed, so Playwright closes Chromium and deletes its temporary profile; the kill
        // that follows only catches what did not go in time.
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
                throw new InvalidOperationException($"The browser player exited while starting:\n{process.Tail()}");
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

        throw new TimeoutException($"The browser player was not healthy within {timeout}:\n{process.Tail()}");
    }
}
