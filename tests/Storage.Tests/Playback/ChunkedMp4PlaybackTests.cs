using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Storage.Tests.Playback;

/// <summary>
/// A fragmented MP4 streamed the way the progressive endpoint will stream it (chunked, no Content-Length, CORS
/// <c>*</c>) plays to its end in a real Chromium; also proves the browser player reports a failure as one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChunkedMp4PlaybackTests(BrowserPlayerFixture browser) : IAsyncLifetime
{
    private const int Fps = 30;
    private const int Seconds = 2;

    private WebApplication app = null!;
    private byte[] movie = [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapGet("/movie.mp4", async (HttpContext context) =>
        {
            context.Response.ContentType = "video/mp4";
            context.Response.Headers.AccessControlAllowOrigin = "*";
            // Written and flushed in pieces with no Content-Length, so Kestrel sends it chunked.
            for (var offset = 0; offset < movie.Length; offset += 16 * 1024)
            {
                await context.Response.Body.WriteAsync(movie.AsMemory(offset, Math.Min(16 * 1024, movie.Length - offset)), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        await app.StartAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_fragmented_mp4_sent_chunked_plays_to_the_end_with_every_frame_and_without_a_stall()
    {
        movie = await TestMedia.MakeAsync(
            ".mp4",
            "-f", "lavfi", "-i", $"testsrc2=s=320x180:r={Fps}:d={Seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={Seconds}",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", $"{Fps}",
            "-c:a", "aac", "-movflags", "+frag_keyframe+empty_moov+default_base_moof");

        var url = $"{app.Urls.Single()}/movie.mp4";
        using (var client = new HttpClient())
        using (var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.True(response.Headers.TransferEncodingChunked, "the test server must send the movie chunked");
            Assert.Null(response.Content.Headers.ContentLength);
        }

        var result = await browser.Player.PlayAsync(url, PlaybackKind.Native, TimeSpan.FromSeconds(30));

        Assert.True(result.Ended, result.ToString());
        Assert.Empty(result.Errors);
        Assert.InRange(result.DecodedFrames, Fps * Seconds - 2, Fps * Seconds + 2);
        Assert.Equal((320, 180), (result.VideoWidth, result.VideoHeight));
        Assert.Equal(0, result.Stalls);
        Assert.InRange(result.Duration ?? 0, Seconds - 0.1, Seconds + 0.1);
        Assert.True(result.AudioDecodedBytes > 0, result.ToString());
    }

    [Fact]
    public async Task A_missing_movie_is_reported_as_an_error_not_as_played()
    {
        var result = await browser.Player.PlayAsync($"{app.Urls.Single()}/missing.mp4", PlaybackKind.Native, TimeSpan.FromSeconds(30));

        Assert.False(result.Ended, result.ToString());
        Assert.Equal("video", Assert.Single(result.Errors).Source);
        Assert.Equal(0, result.DecodedFrames);
    }
}
