using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Render.TestSupport;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

[Collection(RenderSystemCollection.Name)]
public sealed class RenderApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync();
        await system.PutMovieAsync(project, "greeting", Greeting);
        await system.PutMovieAsync(project, "plain", """{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "background": "#006400"}]}""");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Body(string extra = "") =>
        $$"""{"movie": "greeting", "params": {"name": "Alex", "logo": "{{system.Images.Url("logo.png")}}"}{{extra}}}""";

    [Fact]
    public async Task A_blocking_render_answers_a_url_whose_mp4_has_the_movies_frames_and_pixels()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var rendered = await system.RenderAsync(project, Body());

        var token = rendered.GetProperty("token").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{32}$", token);
        Assert.EndsWith($"/v2/render/{token}.mp4", rendered.GetProperty("url").GetString());
        Assert.Equal(200, rendered.GetProperty("status").GetInt32());
        Assert.InRange(rendered.GetProperty("expires").GetInt64(), before + 3600, before + 2 * 86400);

        var file = await system.DownloadAsync($"/v2/render/{token}.mp4");
        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal(("h264", Width, Height, 25.0, Frames), (facts.Codec, facts.Width, facts.Height, facts.FrameRate, facts.FrameCount));
        Assert.Equal(2.0, facts.DurationSeconds, 2);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(IndexOf(bytes, "moov"u8) < IndexOf(bytes, "mdat"u8), "faststart puts the index before the media data");

        var start = await MediaInspector.DecodeFrameAsync(file, 2, Width, Height);
        Assert.True(start.IsNear(5, 5, Navy));
        Assert.True(start.IsNear(232, 52, Navy), "the image starts at frame 5");
        Assert.Equal(0, TextPixels(start));

        var both = await MediaInspector.DecodeFrameAsync(file, 15, Width, Height);
        Assert.True(both.IsNear(232, 52, ImageServer.LogoColour));
        Assert.True(TextPixels(both) > 100, "the text shows on frames 10-19");

        var imageOnly = await MediaInspector.DecodeFrameAsync(file, 22, Width, Height);
        Assert.True(imageOnly.IsNear(232, 52, ImageServer.LogoColour));
        Assert.Equal(0, TextPixels(imageOnly));

        var green = await MediaInspector.DecodeFrameAsync(file, 30, Width, Height);
        Assert.True(green.IsNear(5, 5, Green));
        Assert.True(green.IsNear(232, 52, Green));
        Assert.True(green.IsNear(40, 40, Green), "the square starts at frame 37");

        var square = await MediaInspector.DecodeFrameAsync(file, 45, Width, Height);
        Assert.True(square.IsNear(40, 40, Red));
    }

    [Theory]
    [InlineData("webm", "vp9")]
    [InlineData("gif", "gif")]
    public async Task Other_video_formats_render_the_same_movie(string extension, string codec)
    {
        var token = (await system.RenderAsync(project, Body($$""", "format": "{{extension}}" """))).GetProperty("token").GetString();

        var file = await system.DownloadAsync($"/v2/render/{token}.{extension}");

        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal((codec, Width, Height, Frames), (facts.Codec, facts.Width, facts.Height, facts.FrameCount));
        var frame = await MediaInspector.DecodeFrameAsync(file, 45, Width, Height);
        Assert.True(frame.IsNear(40, 40, Red, 40));
        Assert.True(frame.IsNear(300, 170, Green, 40));
    }

    [Fact]
    public async Task Still_images_take_the_frame_and_quality_from_the_query()
    {
        var token = (await system.RenderAsync(project, Body())).GetProperty("token").GetString();

        var jpg = await system.DownloadAsync($"/v2/render/{token}.jpg?frame=15&q=90");
        var png = await system.DownloadAsync($"/v2/render/{token}.png?frame=45");
        var first = await system.DownloadAsync($"/v2/render/{token}.png");

        Assert.Equal("mjpeg", (await MediaInspector.ProbeAsync(jpg)).Codec);
        Assert.True(TextPixels(await MediaInspector.DecodeFrameAsync(jpg, 0, Width, Height)) > 100);
        Assert.True((await MediaInspector.DecodeFrameAsync(png, 0, Width, Height)).IsNear(40, 40, Red, 4));
        Assert.True((await MediaInspector.DecodeFrameAsync(first, 0, Width, Height)).IsNear(5, 5, Navy, 4));
    }

    [Fact]
    public async Task Stored_outputs_are_served_with_length_etag_and_byte_ranges()
    {
        var token = (await system.RenderAsync(project, Body())).GetProperty("token").GetString();
        var path = $"/v2/render/{token}.mp4";

        var full = await system.Http.GetAsync(path);
        var bytes = await full.Content.ReadAsByteArrayAsync();
        Assert.Equal("video/mp4", full.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes.Length, full.Content.Headers.ContentLength);
        Assert.Contains("bytes", full.Headers.AcceptRanges);
        var etag = full.Headers.ETag!;

        using var ranged = new HttpRequestMessage(HttpMethod.Get, path);
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        var part = await system.Http.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[100..200], await part.Content.ReadAsByteArrayAsync());

        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        var headers = await system.Http.SendAsync(head);
        Assert.Equal((HttpStatusCode.OK, (long?)bytes.Length), (headers.StatusCode, headers.Content.Headers.ContentLength));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await system.Http.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task A_token_renders_lazily_and_concurrent_first_requests_share_one_render()
    {
        var created = await system.Http.PostJsonAsync($"/v2/token/{project}", Body());
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.False(json.TryGetProperty("url", out _));
        var token = json.GetProperty("token").GetString();

        var pending = await system.Http.GetFromJsonAsync<JsonElement>($"/v2/progress/{token}");
        Assert.Equal((0, Frames), (pending.GetProperty("done").GetInt32(), pending.GetProperty("total").GetInt32()));

        var stored = StoredUnits();
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => system.Http.GetAsync($"/v2/render/{token}.webm")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        var contents = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(contents, c => Assert.Equal(contents[0], c));
        Assert.InRange(StoredUnits() - stored, 0, 1);

        var done = await system.Http.GetFromJsonAsync<JsonElement>($"/v2/progress/{token}");
        Assert.Equal((Frames, Frames), (done.GetProperty("done").GetInt32(), done.GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task An_async_render_answers_at_once_and_progress_reaches_the_total()
    {
        var response = await system.Http.PostJsonAsync($"/v2/render/{project}", Body(""", "async": true"""));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var token = json.GetProperty("token").GetString();

        JsonElement progress;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            progress = await system.Http.GetFromJsonAsync<JsonElement>($"/v2/progress/{token}");
        }
        while (progress.GetProperty("status").GetString() != "done" && DateTime.UtcNow < deadline);

        Assert.Equal(Frames, progress.GetProperty("done").GetInt32());
        Assert.Equal("done", progress.GetProperty("status").GetString());
        Assert.Equal(Frames, (await MediaInspector.ProbeAsync(await system.DownloadAsync($"/v2/render/{token}.mp4"))).FrameCount);
    }

    [Fact]
    public async Task The_movie_map_picks_the_movie_by_extension_with_a_fallback()
    {
        var body = $$"""{"movie": {"png": "plain", "*": "greeting"}, "params": {"logo": "{{system.Images.Url("logo.png")}}"} }""";
        var token = (await system.RenderAsync(project, body)).GetProperty("token").GetString();

        var plain = await MediaInspector.DecodeFrameAsync(await system.DownloadAsync($"/v2/render/{token}.png?frame=15"), 0, Width, Height);
        var greeting = await MediaInspector.DecodeFrameAsync(await system.DownloadAsync($"/v2/render/{token}.jpg?frame=15"), 0, Width, Height);

        Assert.True(plain.IsNear(5, 5, Green, 4));
        Assert.True(greeting.IsNear(5, 5, Navy));
    }

    [Fact]
    public async Task A_burst_of_async_renders_is_accepted_at_once_and_every_one_finishes()
    {
        var posts = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            system.Http.PostJsonAsync($"/v2/render/{project}", Body(extra: ", \"async\": true").Replace("Alex", $"Burst {i}", StringComparison.Ordinal))));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Accepted, p.StatusCode));
        var tokens = await Task.WhenAll(posts.Select(async p => (await p.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!));
        var states = new Dictionary<string, string>();
        var sawQueued = false;
        for (var deadline = DateTime.UtcNow.AddSeconds(120); states.Count(s => s.Value == "done") < tokens.Length && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            foreach (var token in tokens)
            {
                var progress = await system.Http.GetFromJsonAsync<JsonElement>($"/v2/progress/{token}");
                states[token] = progress.GetProperty("status").GetString()!;
                sawQueued |= states[token] == "queued" && progress.GetProperty("position").GetInt32() >= 1;
            }
        }

        Assert.All(tokens, t => Assert.Equal("done", states[t]));
        Assert.True(sawQueued, "with more renders than the pool runs at once, some waited in the queue with a position");
        var file = await system.DownloadAsync($"/v2/render/{tokens[^1]}.mp4");
        Assert.Equal(Frames, (await MediaInspector.ProbeAsync(file)).FrameCount);
    }

    [Fact]
    public async Task The_same_request_on_a_new_token_is_served_from_the_segment_store()
    {
        var body = Body().Replace("Alex", "Stored once", StringComparison.Ordinal);
        var first = (await system.RenderAsync(project, body)).GetProperty("token").GetString();
        var stored = StoredUnits();

        var second = (await system.RenderAsync(project, body)).GetProperty("token").GetString();

        Assert.NotEqual(first, second);
        Assert.Equal(stored, StoredUnits());
        var progress = await system.Http.GetFromJsonAsync<JsonElement>($"/v2/progress/{second}");
        Assert.Equal(("done", 1), (progress.GetProperty("status").GetString(), progress.GetProperty("reused").GetInt32()));
        Assert.Equal(
            await File.ReadAllBytesAsync(await system.DownloadAsync($"/v2/render/{first}.mp4")),
            await File.ReadAllBytesAsync(await system.DownloadAsync($"/v2/render/{second}.mp4")));
    }

    [Fact]
    public async Task Deleting_a_token_cancels_it_for_good()
    {
        var token = (await system.RenderAsync(project, Body())).GetProperty("token").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await system.Http.DeleteAsync($"/v2/token/{token}")).StatusCode);

        Assert.Equal("cancelled", await (await system.Http.GetAsync($"/v2/render/{token}.mp4")).AssertErrorAsync(HttpStatusCode.Gone));
        Assert.Equal("cancelled", await (await system.Http.GetAsync($"/v2/progress/{token}")).AssertErrorAsync(HttpStatusCode.Gone));
        Assert.Equal("cancelled", await (await system.Http.DeleteAsync($"/v2/token/{token}")).AssertErrorAsync(HttpStatusCode.Gone));
        Assert.Equal("unknown_token", await (await system.Http.DeleteAsync("/v2/token/never-made-0000000000000000000")).AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Tokens_expire_after_the_configured_time_to_live()
    {
        await using var shortLived = await system.StartExtraApiAsync(new() { ["Render__TokenTtl"] = "00:00:01" });
        var created = await shortLived.Http.PostJsonAsync($"/v2/token/{project}", Body());
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        await Task.Delay(1500);

        Assert.Equal("expired", await (await shortLived.Http.GetAsync($"/v2/render/{token}.mp4")).AssertErrorAsync(HttpStatusCode.Gone));
        Assert.Equal("expired", await (await system.Http.GetAsync($"/v2/progress/{token}")).AssertErrorAsync(HttpStatusCode.Gone));
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    /// <summary>Files in the segment store: one more means one more render stored.</summary>
    private int StoredUnits()
    {
        var segments = Path.Combine(system.MediaRoot, "segments");
        return Directory.Exists(segments) ? Directory.GetFiles(segments).Length : 0;
    }
}
