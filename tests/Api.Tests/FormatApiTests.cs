using System.Net;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>The formats beyond mp4 and webm over HTTP, movie maps with keys we do not render, and <c>parallel</c> as a hint.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class FormatApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    private const string Plain = """{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "background": "#006400"}]}""";
    private static readonly (int, int, int) Green = (0, 100, 0);

    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync();
        await system.PutMovieAsync(project, "plain", Plain);
        await system.PutMovieAsync(project, "red", Plain.Replace("#006400", "#ff0000", StringComparison.Ordinal));
        await system.PutMovieAsync(project, "ntsc", Plain.Replace("\"fps\": 25", "\"fps\": \"30000/1001\"", StringComparison.Ordinal).Replace("\"duration\": 1", "\"duration\": 2", StringComparison.Ordinal));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> TokenAsync(string movie)
    {
        var response = await system.Http.PostJsonAsync($"/v2/token/{project}", $$"""{"movie": {{movie}}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }

    [Theory]
    [InlineData("flv", "video/x-flv", "h264", 25)]
    [InlineData("mpeg", "video/mpeg", "mpeg2video", 25)]
    [InlineData("wmv", "video/x-ms-wmv", "wmv2", 25)]
    [InlineData("mov", "video/quicktime", "prores", 25)]
    [InlineData("tif", "image/tiff", "tiff", 1)]
    public async Task Each_format_is_rendered_and_served_with_its_media_type(string extension, string contentType, string codec, int frames)
    {
        var token = await TokenAsync("\"plain\"");

        var response = await system.Http.GetAsync($"/v2/render/{token}.{extension}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var file = await system.DownloadAsync($"/v2/render/{token}.{extension}");
        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal((codec, 320, 180, frames), (facts.Codec, facts.Width, facts.Height, facts.FrameCount));
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 0, 320, 180)).IsNear(160, 90, Green, 6));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("play")]
    public async Task Flv_in_get_and_play_is_the_rendered_file(string mode)
    {
        var token = await TokenAsync("\"plain\"");

        var streamed = await system.Http.GetByteArrayAsync($"/v2/{mode}/{token}.flv");

        Assert.Equal(await system.Http.GetByteArrayAsync($"/v2/render/{token}.flv"), streamed);
    }

    [Fact]
    public async Task A_movie_map_key_we_do_not_render_is_accepted_and_only_asking_for_it_is_refused()
    {
        var token = await TokenAsync("""{"mp4": "plain", "webm": "plain", "xyz": "red"}""");

        var mp4 = await system.DownloadAsync($"/v2/render/{token}.mp4");
        Assert.True((await MediaInspector.DecodeFrameAsync(mp4, 0, 320, 180)).IsNear(160, 90, Green, 6));
        Assert.Equal("unsupported_extension", await (await system.Http.GetAsync($"/v2/render/{token}.xyz")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("extension_not_mapped", await (await system.Http.GetAsync($"/v2/render/{token}.gif")).AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task Parallel_out_of_range_is_a_hint_and_the_render_has_every_frame(int parallel)
    {
        var rendered = await system.RenderAsync(project, $$"""{"movie": "plain", "parallel": {{parallel}}}""");

        var file = await system.DownloadAsync($"/v2/render/{rendered.GetProperty("token").GetString()}.mp4");
        Assert.Equal(25, (await MediaInspector.ProbeAsync(file)).FrameCount);
    }

    [Fact]
    public async Task A_30000_1001_movie_in_segments_and_its_render_mode_playlist_keep_every_frame_and_the_exact_length()
    {
        var rendered = await system.RenderAsync(project, """{"movie": "ntsc", "parallel": 3}""");
        var token = rendered.GetProperty("token").GetString();

        var facts = await MediaInspector.ProbeAsync(await system.DownloadAsync($"/v2/render/{token}.mp4"));
        Assert.Equal((60, 29.97), (facts.FrameCount, Math.Round(facts.FrameRate, 2)));
        Assert.Equal(2.002, facts.DurationSeconds, 2);
        var playlist = await system.Http.GetStringAsync($"/v2/render/{token}.m3u8");
        var seconds = playlist.Split('\n').Where(l => l.StartsWith("#EXTINF:", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[8..].TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2.002, seconds, 5);
    }
}
