using Xunit;

namespace Orleans.Render.Api.Tests.Playground;

/// <summary>One <see cref="PlaygroundBrowser"/> for the render system's collection.</summary>
public sealed class PlaygroundBrowserFixture : IAsyncLifetime
{
    private PlaygroundBrowser? browser;

    public PlaygroundBrowser Browser => browser ?? throw new InvalidOperationException("The playground browser has not started.");

    public async Task InitializeAsync() => browser = await PlaygroundBrowser.StartAsync();

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }
}
