using Xunit;

namespace Orleans.Render.Api.Tests.Playground;

/// <summary>
/// One <see cref="PlaygroundBrowser"/> for the playground tests: a class fixture beside the render system's collection,
/// so runs that leave those tests out start no second browser.
/// </summary>
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
