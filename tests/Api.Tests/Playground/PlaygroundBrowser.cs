using Orleans.Render.TestSupport;

namespace Orleans.Render.Api.Tests.Playground;

/// <summary>
/// A real headless Chromium (Debian's, driven by <c>tests/browser/playground.mjs</c> through the pinned playwright-core)
/// that uses the playground page as a person would: types the key, picks project and movie, fills the generated form,
/// clicks Render, waits for the video to end. Started once per collection (<see cref="PlaygroundBrowserFixture"/>).
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    private readonly BrowserHarness harness;

    private PlaygroundBrowser(BrowserHarness harness) => this.harness = harness;

    public static async Task<PlaygroundBrowser> StartAsync() => new(await BrowserHarness.StartAsync("playground.mjs"));

    /// <summary>Fills the form with <paramref name="visit"/>'s params, renders with the <paramref name="mode"/> preview, and reports what the page showed until the video ended.</summary>
    public Task<PlaygroundRender> RenderAsync(PlaygroundVisit visit, string mode, TimeSpan timeout) =>
        CallAsync<PlaygroundRender>("render", visit, mode, timeout);

    /// <summary>Types <paramref name="visit"/>'s params and reports the findings shown once the last one's error appears.</summary>
    public Task<PlaygroundValidation> ValidateAsync(PlaygroundVisit visit, TimeSpan timeout) =>
        CallAsync<PlaygroundValidation>("validate", visit, null, timeout);

    public ValueTask DisposeAsync() => harness.DisposeAsync();

    // The page bounds each of a scenario's waits by the timeout; the margin only catches a harness that stopped answering.
    private Task<T> CallAsync<T>(string scenario, PlaygroundVisit visit, string? mode, TimeSpan timeout) =>
        harness.PostAsync<T>(
            scenario,
            new { visit.Url, visit.Key, visit.Project, visit.Movie, visit.Params, mode, timeoutMs = (long)timeout.TotalMilliseconds },
            timeout * 3 + TimeSpan.FromSeconds(30));
}
