using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Render.TestSupport;

namespace Orleans.Render.Api.Tests.Playground;

/// <summary>
/// A real headless Chromium (Debian's, driven by <c>tests/browser/playground.mjs</c> through the pinned playwright-core)
/// that uses the playground page as a person would: types the key, picks project and movie, fills the generated form,
/// clicks Render, waits for the video to end. Started once per collection (<see cref="PlaygroundBrowserFixture"/>).
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ChildProcess process;
    private readonly HttpClient http;

    private PlaygroundBrowser(ChildProcess process, int port)
    {
        this.process = process;
        // Each call is bounded by the timeout it passes to the page, plus a margin (see CallAsync).
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public static async Task<PlaygroundBrowser> StartAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "browser", "playground.mjs");
        var port = Ports.Free();
        var browser = new PlaygroundBrowser(ChildProcess.Start("node", [script, $"{port}"], new Dictionary<string, string>(), RepositoryPaths.Root), port);
        try
        {
            await Ports.WaitUntilOpenAsync(port, TimeSpan.FromSeconds(60), browser.process.Tail);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Fills the form with <paramref name="parameters"/>, renders with the <paramref name="mode"/> preview, and reports what the page showed until the video ended.</summary>
    public Task<PlaygroundRender> RenderAsync(PlaygroundVisit visit, string mode, TimeSpan timeout) =>
        CallAsync<PlaygroundRender>("render", visit, mode, timeout);

    /// <summary>Types <paramref name="visit"/>'s params and reports the findings shown once the last one's error appears.</summary>
    public Task<PlaygroundValidation> ValidateAsync(PlaygroundVisit visit, TimeSpan timeout) =>
        CallAsync<PlaygroundValidation>("validate", visit, null, timeout);

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

    private async Task<T> CallAsync<T>(string scenario, PlaygroundVisit visit, string? mode, TimeSpan timeout)
    {
        var request = new { visit.Url, visit.Key, visit.Project, visit.Movie, visit.Params, mode, timeoutMs = (long)timeout.TotalMilliseconds };
        using var deadline = new CancellationTokenSource(timeout * 3 + TimeSpan.FromSeconds(30));
        using var response = await http.PostAsJsonAsync(scenario, request, Json, deadline.Token);
        var body = await response.Content.ReadAsStringAsync(deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The playground browser answered {(int)response.StatusCode} to {scenario}: {body}\n{process.Tail()}");
        }

        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException("The playground browser answered an empty body.");
    }
}
