using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// <c>get</c>, <c>play</c>, HLS and DASH against the real system, with the fixture's short stream pieces (1 s each):
/// what arrives decodes to every frame of the <c>render</c> output of the same token, with its sound.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class StreamingApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    /// <summary>2.8 s at 25 fps (70 frames, cut into pieces of 25, 25 and 20), a crossfade, an image in scene two, and a tone.</summary>
    private const int Frames = 70;

    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync();
        await system.PutAssetAsync(project, "tone.wav", await TestMedia.ToneAsync(440, 4), "audio/wav");
        await system.PutMovieAsync(project, "clip", Clip(system.Images.Url("logo.png")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Clip(string image) => $$"""
        {"width": 320, "height": 180, "fps": 25, "audio": {"url": "tone.wav"}, "scenes": [
          {"duration": 1.6, "background": "#000080", "layers": [{"type": "text", "text": "Hi ${name}", "fontSize": 30, "color": "#ffffff"}]},
          {"duration": 1.6, "background": "#006400", "transition": {"type": "crossfade", "duration": 0.4},
           "layers": [{"type": "image", "url": "{{image}}", "x": 20, "y": 20, "width": 64, "height": 64}]}]}
        """;

    private async Task<string> TokenAsync(string movie = "clip")
    {
        var response = await system.Http.PostJsonAsync($"/v2/token/{project}", $$$"""{"movie": "{{{movie}}}", "params": {"name": "{{{Guid.NewGuid():N}}}"}}""");
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<string> SaveAsync(HttpResponseMessage response, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"stream-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    [Theory]
    [InlineData("get", "mp4")]
    [InlineData("play", "webm")]
    [InlineData("get", "webm")]
    public async Task A_progressive_stream_starts_before_the_render_ends_and_decodes_to_the_rendered_movie(string mode, string extension)
    {
        var token = await TokenAsync();

        var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{mode}/{token}.{extension}") { Headers = { { "Origin", "http://player.example" } } };
        var streamed = await system.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.Equal($"video/{extension}", streamed.Content.Headers.ContentType?.MediaType);
        Assert.True(streamed.Headers.TransferEncodingChunked, "sent while later pieces render, so without a length");
        Assert.Equal("*", streamed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var file = await SaveAsync(streamed, extension);
        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal(Frames, facts.FrameCount);
        var rendered = await system.DownloadAsync($"/v2/render/{token}.{extension}");
        Assert.True(await MediaInspector.PsnrAsync(file, rendered) >= 40, "the stream shows what the render shows");
        var samples = await TestMedia.DecodeSoundAsync(file);
        Assert.InRange(samples.Length, Frames * 48000 / 25 - 1200, Frames * 48000 / 25 + 1200);

        // Once every piece is stored, the same URL is a file with a length and ranges.
        var whole = await system.Http.GetAsync($"/v2/{mode}/{token}.{extension}");
        Assert.Equal(new FileInfo(file).Length, whole.Content.Headers.ContentLength);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        var range = new HttpRequestMessage(HttpMethod.Get, $"/v2/{mode}/{token}.{extension}") { Headers = { Range = new RangeHeaderValue(1000, 2999) } };
        var part = await system.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal((await File.ReadAllBytesAsync(file))[1000..3000], await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_past_what_is_rendered_waits_for_the_stream_and_gets_the_right_bytes()
    {
        var token = await TokenAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/get/{token}.mp4") { Headers = { Range = new RangeHeaderValue(5000, null) } };

        var part = await system.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        var whole = await (await system.Http.GetAsync($"/v2/get/{token}.mp4")).Content.ReadAsByteArrayAsync();
        Assert.Equal(whole[5000..], await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Hls_lists_every_piece_with_its_exact_duration_and_ffmpeg_plays_it_over_http()
    {
        var token = await TokenAsync();

        var playlist = await system.Http.GetAsync($"/v2/get/{token}.m3u8");

        Assert.Equal(HttpStatusCode.OK, playlist.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", playlist.Content.Headers.ContentType?.MediaType);
        var lines = (await playlist.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", lines);
        Assert.Contains("#EXT-X-ENDLIST", lines);
        Assert.Contains($"#EXT-X-MAP:URI=\"{token}/init.mp4\"", lines);
        var durations = lines.Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))
            .Select(l => double.Parse(l[8..].TrimEnd(','), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, durations.Count);
        Assert.Equal(Frames / 25.0, durations.Sum(), 6);

        await AssertPlaysLikeTheRenderAsync(token, $"{system.Http.BaseAddress}v2/get/{token}.m3u8");
    }

    [Fact]
    public async Task Dash_lists_pictures_and_sound_on_one_timeline_and_ffmpeg_plays_it_over_http()
    {
        var token = await TokenAsync();

        var manifest = await system.Http.GetAsync($"/v2/get/{token}.mpd");

        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal("application/dash+xml", manifest.Content.Headers.ContentType?.MediaType);
        var mpd = System.Xml.Linq.XDocument.Parse(await manifest.Content.ReadAsStringAsync());
        Assert.Equal("PT2.800S", mpd.Root!.Attribute("mediaPresentationDuration")!.Value);
        Assert.Equal(["video", "audio"], mpd.Descendants().Where(e => e.Name.LocalName == "AdaptationSet").Select(e => e.Attribute("contentType")!.Value));
        Assert.StartsWith("avc1.64", mpd.Descendants().First(e => e.Name.LocalName == "Representation").Attribute("codecs")!.Value);

        await AssertPlaysLikeTheRenderAsync(token, $"{system.Http.BaseAddress}v2/get/{token}.mpd");
    }

    /// <summary>ffmpeg reads <paramref name="url"/> over HTTP: every frame of the token's render, as it looks there, and its sound.</summary>
    private async Task AssertPlaysLikeTheRenderAsync(string token, string url)
    {
        Assert.Equal(Frames, (await MediaInspector.ProbeAsync(url)).FrameCount);
        Assert.True(await MediaInspector.PsnrAsync(url, await system.DownloadAsync($"/v2/render/{token}.mp4")) >= 40);
        var samples = await TestMedia.DecodeSoundAsync(url);
        Assert.InRange(samples.Length, Frames * 48000 / 25 - 1200, Frames * 48000 / 25 + 1200);
    }

    [Fact]
    public async Task Render_mode_playlists_answer_once_every_piece_is_stored()
    {
        var token = await TokenAsync();

        var playlist = await system.Http.GetAsync($"/v2/render/{token}.m3u8");

        Assert.Equal(HttpStatusCode.OK, playlist.StatusCode);
        var segments = (await playlist.Content.ReadAsStringAsync()).Split('\n').Where(l => l.EndsWith(".m4s", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, segments.Count);
        var whole = await system.Http.GetAsync($"/v2/get/{token}.mp4");
        Assert.NotNull(whole.Content.Headers.ContentLength); // every piece was stored before the playlist came
    }

    [Fact]
    public async Task Seeking_to_the_last_segment_renders_it_on_its_own_and_it_plays_with_the_init_segment()
    {
        var token = await TokenAsync();

        var init = await system.Http.GetByteArrayAsync($"/v2/get/{token}/init.mp4");
        var last = await system.Http.GetByteArrayAsync($"/v2/get/{token}/2.m4s");

        var file = Path.Combine(Path.GetTempPath(), $"seek-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(file, [.. init, .. last]);
        Assert.Equal(20, (await MediaInspector.ProbeAsync(file)).FrameCount);
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 19, 320, 180)).IsNear(300, 170, TestMovies.Green));
        Assert.Equal(HttpStatusCode.NotFound, (await system.Http.GetAsync($"/v2/get/{token}/3.m4s")).StatusCode);
        await (await system.Http.GetAsync($"/v2/get/{token}/x.m4s")).AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("play", "mp4")]
    [InlineData("play", "m3u8")]
    [InlineData("get", "gif")]
    [InlineData("get", "png")]
    [InlineData("get", "wmv")]
    [InlineData("play", "mov")]
    public async Task A_mode_that_does_not_serve_the_extension_is_400_naming_what_each_mode_serves(string mode, string extension)
    {
        var token = await TokenAsync();

        var code = await (await system.Http.GetAsync($"/v2/{mode}/{token}.{extension}")).AssertErrorAsync(HttpStatusCode.BadRequest);

        Assert.Equal("unsupported_mode", code);
    }

    [Fact]
    public async Task Unknown_tokens_and_extensions_answer_json_errors_in_every_mode()
    {
        await (await system.Http.GetAsync("/v2/play/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.webm")).AssertErrorAsync(HttpStatusCode.NotFound);
        await (await system.Http.GetAsync("/v2/get/x.m3u8")).AssertErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal("unsupported_extension", await (await system.Http.GetAsync("/v2/get/x.xyz")).AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_piece_that_fails_ends_the_stream_after_the_pieces_before_it_and_the_next_request_renders_it()
    {
        var image = $"late-{Guid.NewGuid():N}.png";
        await system.PutMovieAsync(project, "late-image", Clip(system.Images.Url($"files/{image}")));
        var token = await TokenAsync("late-image");

        var broken = await system.Http.GetAsync($"/v2/get/{token}.mp4", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var received = new MemoryStream();
        await Assert.ThrowsAnyAsync<Exception>(() => broken.Content.CopyToAsync(received)); // ended without the last chunk
        Assert.True(received.Length > 0, "the pieces before the image's scene were sent");
        // Whole pieces only: what arrived decodes.
        var partial = Path.Combine(Path.GetTempPath(), $"partial-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(partial, received.ToArray());
        Assert.InRange((await MediaInspector.ProbeAsync(partial)).FrameCount, 10, Frames - 1);

        system.Images.AddFile(image, TestImages.SolidPng(64, 64, new SixLabors.ImageSharp.PixelFormats.Rgba32(255, 0, 255)));
        var retried = await system.Http.GetAsync($"/v2/get/{token}.mp4");
        Assert.Equal(Frames, (await MediaInspector.ProbeAsync(await SaveAsync(retried, "mp4"))).FrameCount);
    }

    [Fact]
    public async Task Deleting_the_token_ends_an_open_stream()
    {
        await system.PutMovieAsync(project, "long", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 30, "background": "#000080",
              "layers": [{"type": "text", "text": "${name}", "fontSize": 30, "color": "#ffffff"}]}]}
            """);
        var token = await TokenAsync("long");
        var open = await system.Http.GetAsync($"/v2/play/{token}.webm", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var body = await open.Content.ReadAsStreamAsync();
        Assert.True(await body.ReadAsync(new byte[1024]) > 0);

        Assert.Equal(HttpStatusCode.NoContent, (await system.Http.DeleteAsync($"/v2/token/{token}")).StatusCode);

        var drained = Task.Run(async () =>
        {
            try
            {
                await body.CopyToAsync(Stream.Null);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
            }
        });
        Assert.Same(drained, await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(30))));
        await (await system.Http.GetAsync($"/v2/play/{token}.webm")).AssertErrorAsync(HttpStatusCode.Gone);
    }
}
