using Xunit;

namespace Orleans.Render.TestSupport;

/// <summary>
/// One <see cref="BrowserPlayer"/> for a test collection. xunit wants the collection in the test assembly:
/// <c>[CollectionDefinition("browser")] public sealed class BrowserCollection : ICollectionFixture&lt;BrowserPlayerFixture&gt;;</c>
/// </summary>
public sealed class BrowserPlayerFixture : IAsyncLifetime
{
    private BrowserPlayer? player;

    public BrowserPlayer Player => player ?? throw new InvalidOperationException("The browser player has not started.");

    public async Task InitializeAsync() => player = await BrowserPlayer.StartAsync();

    public async Task DisposeAsync()
    {
        if (player is not null)
        {
            await player.DisposeAsync();
        }
    }
}
