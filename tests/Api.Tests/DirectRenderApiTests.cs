using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Render.TestSupport;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// impossible.io's v1 direct render, <c>GET /v1/{mode}/{project}/{movie}.{ext}?name=value…</c> (research §1.5), as the
/// classic Python client and pasted links send it: no credentials, params in the query string.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class DirectRenderApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("direct");
        await system.PutMovieAsync(project, "greeting", Greeting);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Url(string mode, string extension, string name, string extra = "") =>
        $"/v1/{mode}/{project}/greeting.{extension}?name={Uri.EscapeDataString(name)}&logo={Uri.EscapeDataString(system.Images.Url("logo.png"))}{extra}";

    [Fact]
    public async Task A_direct_render_answers_the_movie_with_the_query_params_in_one_request()
    {
        var file = await system.DownloadAsync(Url("render", "mp4", "Direct"));

        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal(("h264", Width, Height, Frames), (facts.Codec, facts.Width, facts.Height, facts.FrameCount));
        var both = await MediaInspector.DecodeFrameAsync(file, 15, Width, Height);
        Assert.True(both.IsNear(232, 52, ImageServer.LogoColour), "the logo param reached the image layer");
        Assert.True(TextPixels(both) > 100, "the text shows on frames 10-19");
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 45, Width, Height)).IsNear(40, 40, Red));
    }

    [Fact]
    public async Task The_same_query_is_served_from_the_stored_output_whatever_the_order_of_its_params()
    {
        var first = await system.Http.GetAsync(Url("render", "mp4", "Twice"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var stored = StoredUnits();

        var again = await system.Http.GetAsync(Url("render", "mp4", "Twice"));
        var reordered = await system.Http.GetAsync(
            $"/v1/render/{project}/greeting.mp4?logo={Uri.EscapeDataString(system.Images.Url("logo.png"))}&name=Twice");

        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(first.Headers.ETag, reordered.Headers.ETag);
        Assert.Equal(bytes, await reordered.Content.ReadAsByteArrayAsync());
        Assert.Equal(stored, StoredUnits());
        var cached = new HttpRequestMessage(HttpMethod.Get, Url("render", "mp4", "Twice")) { Headers = { IfNoneMatch = { first.Headers.ETag! } } };
        Assert.Equal(HttpStatusCode.NotModified, (await system.Http.SendAsync(cached)).StatusCode);

        var other = await system.Http.GetAsync(Url("render", "mp4", "Someone else"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    [Theory]
    [InlineData("get", "mp4")]
    [InlineData("play", "webm")]
    public async Task Get_and_play_stream_the_direct_render(string mode, string extension)
    {
        var file = await system.DownloadAsync(Url(mode, extension, "Streamed"));

        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal((Width, Height, Frames), (facts.Width, facts.Height, facts.FrameCount));
        Assert.Equal(2.0, facts.DurationSeconds, 1);
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 45, Width, Height)).IsNear(40, 40, Red));
    }

    [Fact]
    public async Task A_direct_hls_playlist_lists_segments_that_play()
    {
        var playlist = await system.Http.GetStringAsync(Url("get", "m3u8", "Listed"));
        var segment = playlist.Split('\n').First(l => l.EndsWith(".m4s", StringComparison.Ordinal));

        var response = await system.Http.GetAsync($"/v1/get/{project}/{segment}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Fact]
    public async Task A_frame_param_picks_the_still_frame_directly_and_as_a_v2_param()
    {
        var direct = await MediaInspector.DecodeFrameAsync(await system.DownloadAsync(Url("render", "jpg", "Poster", "&frame=45&q=90")), 0, Width, Height);
        var first = await MediaInspector.DecodeFrameAsync(await system.DownloadAsync(Url("render", "png", "Poster")), 0, Width, Height);

        Assert.True(direct.IsNear(40, 40, Red), "frame 45 shows the red square");
        Assert.True(first.IsNear(40, 40, Navy), "without a frame, the movie's poster frame (0)");

        // The old Python SDK's poster-frame URL: frame inside params, then render + jpg.
        var token = (await system.RenderAsync(project, $$$"""{"movie": "greeting", "params": {"frame": 45, "logo": "{{{system.Images.Url("logo.png")}}}"}}"""))
            .GetProperty("token").GetString();
        var poster = await MediaInspector.DecodeFrameAsync(await system.DownloadAsync($"/v2/render/{token}.jpg"), 0, Width, Height);
        Assert.True(poster.IsNear(40, 40, Red));
    }

    [Fact]
    public async Task Direct_renders_need_no_credentials_and_accept_a_bearer_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Head, Url("render", "mp4", "Bearer"))
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "some-api-key") },
        };

        var response = await system.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v1/render/{project}/nothing.mp4", HttpStatusCode.NotFound, "unknown_movie")]
    [InlineData("/v1/render/0000000000000000/greeting.mp4", HttpStatusCode.NotFound, "unknown_project")]
    [InlineData("/v1/render/{project}/greeting.xyz", HttpStatusCode.BadRequest, "unsupported_extension")]
    [InlineData("/v1/play/{project}/greeting.mp4", HttpStatusCode.BadRequest, "unsupported_mode")]
    [InlineData("/v1/render/{project}/greeting.jpg?q=5", HttpStatusCode.BadRequest, "invalid_quality")]
    [InlineData("/v1/render/{project}/greeting.mp4?name=a&name=b", HttpStatusCode.BadRequest, "invalid_params")]
    [InlineData("/v1/render/{project}/greeting.mp4", HttpStatusCode.UnprocessableEntity, "missing_param")]
    public async Task Direct_render_mistakes_answer_the_error_shape(string path, HttpStatusCode status, string code)
    {
        var response = await system.Http.GetAsync(path.Replace("{project}", project, StringComparison.Ordinal));

        Assert.Equal(code, await response.AssertErrorAsync(status));
    }

    [Fact]
    public async Task Too_many_query_params_are_refused()
    {
        var query = string.Join('&', Enumerable.Range(0, 101).Select(i => $"p{i}=x"));

        var response = await system.Http.GetAsync($"/v1/render/{project}/greeting.mp4?{query}");

        Assert.Equal("invalid_params", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    /// <summary>Files in the segment store: one more means one more render stored.</summary>
    private int StoredUnits()
    {
        var segments = Path.Combine(system.MediaRoot, "segments");
        return Directory.Exists(segments) ? Directory.GetFiles(segments).Length : 0;
    }
}
