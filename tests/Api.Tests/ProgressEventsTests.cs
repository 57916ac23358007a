using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

/// <summary><c>GET /v2/progress/{token}/events</c> against the real system: what a page's EventSource would see.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class ProgressEventsTests(RenderSystemFixture system) : IAsyncLifetime
{
    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync();
        await system.PutMovieAsync(project, "greeting", Greeting);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> NewTokenAsync()
    {
        var body = $$"""{"movie": "greeting", "params": {"name": "Sam", "logo": "{{system.Images.Url("logo.png")}}"} }""";
        var created = await system.Http.PostJsonAsync($"/v2/token/{project}", body);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task A_renders_event_stream_shows_frames_increasing_and_ends_with_done()
    {
        var token = await NewTokenAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var response = await system.Http.GetAsync($"/v2/progress/{token}/events", HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var events = SseParser.Create(await response.Content.ReadAsStreamAsync(cancellation.Token)).EnumerateAsync(cancellation.Token);
        var seen = new List<SseItem<string>>();
        Task<HttpResponseMessage>? render = null;
        await foreach (var item in events)
        {
            seen.Add(item);
            // Render only once the stream has shown the untouched token, so it must show the frames arriving.
            render ??= system.Http.GetAsync($"/v2/render/{token}.mp4", cancellation.Token);
        }

        Assert.Equal(HttpStatusCode.OK, (await render!).StatusCode);
        Assert.Equal("end", seen[^1].EventType);
        Assert.Equal("done", JsonDocument.Parse(seen[^1].Data).RootElement.GetProperty("status").GetString());
        var progress = seen.SkipLast(1).Select(item =>
        {
            Assert.Equal("progress", item.EventType);
            return JsonDocument.Parse(item.Data).RootElement;
        }).ToList();
        Assert.True(progress.Count >= 2, string.Join("\n", seen.Select(s => s.Data)));
        Assert.Equal(("pending", 0, Frames), (progress[0].GetProperty("status").GetString(), progress[0].GetProperty("done").GetInt32(), progress[0].GetProperty("total").GetInt32()));
        var done = progress.Select(p => p.GetProperty("done").GetInt32()).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Equal(Frames, done[^1]);
        var last = progress[^1];
        Assert.Equal((token, "done"), (last.GetProperty("token").GetString(), last.GetProperty("status").GetString()));
        var segments = last.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        Assert.All(segments, s => Assert.Equal("done", s.GetProperty("status").GetString()));
        Assert.Equal(Frames, segments.Sum(s => s.GetProperty("endFrame").GetInt32() - s.GetProperty("startFrame").GetInt32()));
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => $"{i}"), seen.Select(s => s.EventId));
    }

    [Fact]
    public async Task Deleting_the_token_ends_its_event_stream_with_cancelled_and_a_page_of_any_origin_may_read_it()
    {
        var token = await NewTokenAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/progress/{token}/events") { Headers = { { "Origin", "https://shop.example" } } };
        using var response = await system.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync(cancellation.Token)).EnumerateAsync(cancellation.Token);

        var seen = new List<SseItem<string>>();
        await foreach (var item in events)
        {
            if (seen.Count == 0)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await system.Http.DeleteAsync($"/v2/token/{token}", cancellation.Token)).StatusCode);
            }

            seen.Add(item);
        }

        Assert.Equal(("progress", "end"), (seen[0].EventType, seen[^1].EventType));
        Assert.Equal("cancelled", JsonDocument.Parse(seen[^1].Data).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_and_deleted_tokens_answer_as_the_polling_endpoint_does()
    {
        Assert.Equal("unknown_token", await (await system.Http.GetAsync("/v2/progress/never-made-0000000000000000000/events")).AssertErrorAsync(HttpStatusCode.NotFound));

        var token = await NewTokenAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await system.Http.DeleteAsync($"/v2/token/{token}")).StatusCode);
        Assert.Equal("cancelled", await (await system.Http.GetAsync($"/v2/progress/{token}/events")).AssertErrorAsync(HttpStatusCode.Gone));
    }
}
