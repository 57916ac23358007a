using System.Net;
using Orleans.Render.Api.Tests;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Client.Tests;

/// <summary>The typed client against the real system: renders, progress, downloads, uploads, errors and retries.</summary>
[Collection(ClientSystemCollection.Name)]
public sealed class RenderClientTests(RenderSystemFixture system) : IAsyncLifetime
{
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider services = system.Services();
    private string project = "";

    private OrleansRenderClient Client => services.Client();

    public async Task InitializeAsync()
    {
        project = await Client.Projects.CreateAsync("client");
        await Client.Projects.PutMovieAsync(project, "hello", ClientSystem.Movie);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static RenderRequest Hello(string name = "Alex") => new("hello", new Dictionary<string, string> { ["name"] = name });

    [Fact]
    public async Task A_blocking_render_downloads_as_an_mp4_with_the_movies_frames()
    {
        var rendered = await Client.RenderAsync(project, Hello());

        Assert.Equal(200, rendered.Status);
        Assert.Equal(Client.OutputUri(rendered.Token, "mp4"), rendered.Url);
        Assert.True(rendered.ExpiresAt > DateTimeOffset.UtcNow);
        var file = Path.Combine(Path.GetTempPath(), $"client-{Guid.NewGuid():N}.mp4");
        await Client.DownloadToFileAsync(rendered.Token, "mp4", file);
        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal((ClientSystem.Frames, 2.0), (facts.FrameCount, Math.Round(facts.DurationSeconds, 1)));

        using var still = new MemoryStream();
        Assert.Equal("image/jpeg", await Client.DownloadAsync(rendered.Token, "jpg", still, frame: 30));
        Assert.True(still.Length > 0);
    }

    [Fact]
    public async Task Watching_an_async_render_shows_frames_increasing_to_done_and_polling_agrees()
    {
        var queued = await Client.RenderAsync(project, Hello("Watcher") with { Async = true });
        Assert.Equal(202, queued.Status);

        var seen = new List<RenderProgress>();
        await foreach (var progress in Client.WatchProgressAsync(queued.Token))
        {
            seen.Add(progress);
        }

        Assert.Equal(RenderStatus.Done, seen[^1].Status);
        Assert.True(seen[^1].IsFinal);
        Assert.Equal(seen.Select(p => p.Done).Order(), seen.Select(p => p.Done));
        Assert.Equal(ClientSystem.Frames, seen[^1].Done);
        Assert.All(seen[^1].Segments!, s => Assert.Equal(RenderStatus.Done, s.Status));
        var polled = await Client.GetProgressAsync(queued.Token);
        Assert.Equal((RenderStatus.Done, ClientSystem.Frames, ClientSystem.Frames), (polled.Status, polled.Done, polled.Total));
    }

    [Fact]
    public async Task Watching_stops_when_cancelled_and_a_deleted_token_ends_its_watch_as_cancelled()
    {
        var token = (await Client.CreateTokenAsync(project, Hello())).Token;
        using (var cancellation = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var progress in Client.WatchProgressAsync(token, cancellation.Token))
                {
                    Assert.Equal(RenderStatus.Pending, progress.Status);
                    await cancellation.CancelAsync();
                }
            });
        }

        var statuses = new List<RenderStatus>();
        await foreach (var progress in Client.WatchProgressAsync(token))
        {
            if (statuses.Count == 0)
            {
                await Client.DeleteTokenAsync(token);
            }

            statuses.Add(progress.Status);
        }

        Assert.Equal([RenderStatus.Pending, RenderStatus.Cancelled], statuses);
        var gone = await Assert.ThrowsAsync<RenderApiException>(() => Client.GetProgressAsync(token));
        Assert.Equal((HttpStatusCode.Gone, "cancelled"), (gone.StatusCode, gone.Error));
    }

    [Fact]
    public async Task An_upload_task_is_reported_with_its_state_and_result()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        var upload = System.Text.Json.Nodes.JsonNode.Parse($$$"""{"extension": "mp4", "async": true, "destination": {"type": "http", "url": "{{{system.Targets.Url($"/http/{path}")}}}"}}""")!.AsObject();
        var started = await Client.RenderAsync(project, Hello("Uploader") with { Uploads = [upload] });
        Assert.Equal(201, started.Status);

        await foreach (var progress in Client.WatchProgressAsync(started.Token))
        {
            Assert.Single(progress.Uploads!);
        }

        var report = await Client.GetUploadsAsync(started.Token);
        var task = Assert.Single(report.Uploads);
        Assert.Equal(("http", "mp4", UploadState.Succeeded), (task.Type, task.Extension, task.State));
        Assert.True(system.Targets.HttpObjects.ContainsKey(path));
    }

    [Fact]
    public async Task Api_errors_surface_as_typed_exceptions_with_code_message_and_status()
    {
        var unknown = await Assert.ThrowsAsync<RenderApiException>(() => Client.GetProgressAsync("never-made-0000000000000000000"));
        Assert.Equal((HttpStatusCode.NotFound, "unknown_token"), (unknown.StatusCode, unknown.Error));
        Assert.False(string.IsNullOrWhiteSpace(unknown.Message));

        var missingMovie = await Assert.ThrowsAsync<RenderApiException>(() => Client.RenderAsync(project, new RenderRequest("no-such-movie")));
        Assert.Equal((HttpStatusCode.NotFound, "unknown_movie"), (missingMovie.StatusCode, missingMovie.Error));

        await using var keyless = system.Services(key: null);
        var unauthorized = await Assert.ThrowsAsync<RenderApiException>(() => keyless.Client().Projects.ListAsync());
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized"), (unauthorized.StatusCode, unauthorized.Error));
    }

    [Fact]
    public async Task A_transient_503_on_a_read_is_retried_but_a_render_post_is_not_repeated()
    {
        await using var proxy = await FaultyProxy.StartAsync(system.Http.BaseAddress!.ToString());
        await using var proxied = system.Services(new Uri(proxy.BaseUrl));
        var token = (await Client.CreateTokenAsync(project, Hello())).Token;

        proxy.FailWhenContains = $"GET /v2/progress/{token}";
        proxy.FailCount = 1;
        var progress = await proxied.Client().GetProgressAsync(token);
        Assert.Equal(RenderStatus.Pending, progress.Status);
        Assert.Equal(2, proxy.Requests.Count(r => r.StartsWith($"GET /v2/progress/{token}", StringComparison.Ordinal)));

        proxy.FailWhenContains = $"POST /v2/render/{project}";
        proxy.FailCount = 1;
        var refused = await Assert.ThrowsAsync<RenderApiException>(() => proxied.Client().RenderAsync(project, Hello()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Single(proxy.Requests, r => r.StartsWith($"POST /v2/render/{project}", StringComparison.Ordinal));
    }
}
