using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// The streaming URLs in a real browser (Debian's Chromium, headless): a page plays each new token's <c>get</c> mp4 and
/// <c>play</c> webm natively, and its HLS playlist through hls.js, from the first request, to the end without stalling.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class StreamingPlaybackTests(RenderSystemFixture system, BrowserPlayerFixture browser) : IAsyncLifetime
{
    private const int Frames = 50;

    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync();
        await system.PutAssetAsync(project, "tone.wav", await TestMedia.ToneAsync(440, 3), "audio/wav");
        await system.PutMovieAsync(project, "clip", """
            {"width": 320, "height": 180, "fps": 25, "audio": {"url": "tone.wav"}, "scenes": [
              {"duration": 1.2, "background": "#000080", "layers": [{"type": "text", "text": "Hi ${name}", "fontSize": 30, "color": "#ffffff"}]},
              {"duration": 1.2, "background": "#006400", "transition": {"type": "crossfade", "duration": 0.4},
               "layers": [{"type": "text", "text": "Bye", "fontSize": 30}]}]}
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("get", "mp4", PlaybackKind.Native)]
    [InlineData("play", "webm", PlaybackKind.Native)]
    [InlineData("get", "m3u8", PlaybackKind.Hls)]
    public async Task A_page_plays_a_new_tokens_stream_to_the_end_without_stalling(string mode, string extension, PlaybackKind kind)
    {
        var created = await system.Http.PostJsonAsync($"/v2/token/{project}", $$$"""{"movie": "clip", "params": {"name": "{{{Guid.NewGuid():N}}}"}}""");
        created.EnsureSuccessStatusCode();
        var token = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        var played = await browser.Player.PlayAsync($"{system.Http.BaseAddress}v2/{mode}/{token}.{extension}", kind, TimeSpan.FromSeconds(60));

        Assert.True(played.Ended, played.ToString());
        Assert.Empty(played.Errors);
        Assert.True(played.Stalls == 0, played.ToString());
        Assert.InRange(played.DecodedFrames, Frames - 2, Frames + 2);
        Assert.True(played.AudioDecodedBytes > 0, played.ToString());
        Assert.Equal(Frames / 25.0, played.Duration ?? 0, 1);
    }
}
