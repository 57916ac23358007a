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
    private readonly BrowserHarness harness;

    private BrowserPlayer(BrowserHarness harness) => this.harness = harness;

    public static async Task<BrowserPlayer> StartAsync() => new(await BrowserHarness.StartAsync("player.mjs"));

    /// <summary>Plays <paramref name="url"/> until it ends, fails or <paramref name="timeout"/> passes; a timeout is a result (<see cref="PlaybackResult.TimedOut"/>), not an exception.</summary>
    public Task<PlaybackResult> PlayAsync(string url, PlaybackKind kind, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var request = new { url, kind = kind == PlaybackKind.Hls ? "hls" : "native", timeoutMs = (long)timeout.TotalMilliseconds };
        // The page bounds the play itself; the margin only catches a harness that stopped answering.
        return harness.PostAsync<PlaybackResult>("play", request, timeout + TimeSpan.FromSeconds(30), cancellationToken);
    }

    public ValueTask DisposeAsync() => harness.DisposeAsync();
}
