using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Render.TestSupport;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

/// <summary>Render requests with <c>upload</c> tasks against the real API and silo, uploading to loopback servers.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class UploadApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("uploads");
        await system.PutMovieAsync(project, "greeting", Greeting);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string S3Task(string key) => $$$"""
        {"extension": "mp4", "destination": {"type": "s3", "bucket": "{{{S3Server.Bucket}}}", "filename": "{{{key}}}",
          "aws_access_key_id": "{{{S3Server.AccessKey}}}", "aws_secret_access_key": "{{{S3Server.SecretKey}}}",
          "s3host": "{{{system.S3.Host}}}", "contenttype": "video/mp4"}}
        """;

    private string Body(string upload) =>
        $$$"""{"movie": "greeting", "params": {"name": "Alex", "logo": "{{{system.Images.Url("logo.png")}}}"}, "upload": {{{upload}}}}""";

    [Fact]
    public async Task A_sync_render_with_two_upload_tasks_answers_both_results_in_task_order()
    {
        var key = $"api/{Guid.NewGuid():N}.mp4";
        var path = $"{Guid.NewGuid():N}.jpg";
        var http = $$$"""{"extension": "jpg", "destination": {"type": "http", "method": "POST", "url": "{{{system.Targets.Url($"/http/{path}")}}}", "field": "video"}}""";

        var rendered = await system.RenderAsync(project, Body($"[{S3Task(key)}, {http}]"));

        var token = rendered.GetProperty("token").GetString()!;
        var uploads = rendered.GetProperty("uploads");
        Assert.Equal(
            [$"http://{system.S3.Endpoint}/{S3Server.Bucket}/{key}", system.Targets.Url($"/http/{path}")],
            uploads.EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(uploads.ToString(), rendered.GetProperty("upload").ToString());
        var (stored, _) = await system.S3.GetAsync(key);
        var mp4 = await system.Http.GetByteArrayAsync($"/v2/render/{token}.mp4");
        Assert.Equal(UploadTargetServer.Sha256(mp4), UploadTargetServer.Sha256(stored));
        var jpg = await system.Http.GetByteArrayAsync($"/v2/render/{token}.jpg");
        var posted = system.Targets.HttpObjects[path];
        Assert.Equal(UploadTargetServer.Sha256(jpg), UploadTargetServer.Sha256(posted.Bytes));
        Assert.Equal(("POST", $"video:{token}.jpg"), (posted.Method, posted.FileField));
    }

    [Fact]
    public async Task A_single_sync_upload_answers_its_result_alone()
    {
        var key = $"api/{Guid.NewGuid():N}.mp4";

        var rendered = await system.RenderAsync(project, Body(S3Task(key)));

        Assert.Equal($"http://{system.S3.Endpoint}/{S3Server.Bucket}/{key}", rendered.GetProperty("uploads").GetString());
        Assert.Contains(key, await system.S3.KeysAsync());
    }

    [Fact]
    public async Task An_async_upload_answers_201_then_calls_onsuccess_and_its_state_never_shows_the_credentials()
    {
        var videoName = Guid.NewGuid().ToString("N");
        var callback = system.Targets.Url($"/callback/{videoName}?job=7");
        var youtube = $$$"""
            {"extension": "mp4", "async": true, "onsuccess": "{{{callback}}}", "onerror": "{{{callback}}}",
             "destination": {"type": "youtube", "oauth_access_token": "yt-token-{{{videoName}}}", "title": "Hi", "description": "d", "category": 22}}
            """;

        var response = await system.Http.PostJsonAsync($"/v2/render/{project}", Body(youtube));
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(201, created.GetProperty("status").GetInt32());
        var token = created.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync($"/v2/progress/{token}")).StatusCode);
        JsonElement upload;
        string text;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(250);
            text = await system.Http.GetStringAsync($"/v2/upload/{token}");
            upload = JsonDocument.Parse(text).RootElement.GetProperty("uploads")[0];
        }
        while (upload.GetProperty("callback").GetString() != "sent" && DateTime.UtcNow < deadline);

        Assert.Equal("succeeded", upload.GetProperty("state").GetString());
        Assert.Equal(("youtube", "mp4", true, 1), (upload.GetProperty("type").GetString(), upload.GetProperty("extension").GetString(), upload.GetProperty("async").GetBoolean(), upload.GetProperty("attempts").GetInt32()));
        var videoId = upload.GetProperty("result").GetString()!;
        Assert.Equal($"Bearer yt-token-{videoName}", system.Targets.YouTubeVideos[videoId].Authorization);
        Assert.DoesNotContain("yt-token", text);
        Assert.Equal((videoName, videoId), Assert.Single(system.Targets.Callbacks, c => c.Name == videoName));
    }

    [Fact]
    public async Task A_sync_upload_that_keeps_failing_answers_502_after_the_configured_attempts()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        system.Targets.FailNextUploads = 3;
        try
        {
            var response = await system.Http.PostJsonAsync(
                $"/v2/render/{project}", Body($$$"""{"extension": "mp4", "destination": {"type": "http", "url": "{{{system.Targets.Url($"/http/{path}")}}}"}}"""));

            Assert.Equal("upload_failed", await response.AssertErrorAsync(HttpStatusCode.BadGateway));
            Assert.Equal(3, system.Targets.UploadRequests.Count(r => r == $"PUT /http/{path}"));
        }
        finally
        {
            system.Targets.FailNextUploads = 0;
        }
    }

    [Fact]
    public async Task A_sync_upload_whose_render_fails_on_a_bad_param_answers_the_renders_422_not_502()
    {
        await system.PutMovieAsync(project, "placed", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "solid", "color": "#f00", "x": "${left, 10}", "width": 20, "height": 20}]}]}
            """);
        var path = $"{Guid.NewGuid():N}.mp4";

        var response = await system.Http.PostJsonAsync($"/v2/render/{project}", $$$"""
            {"movie": "placed", "params": {"left": "far"},
             "upload": {"extension": "mp4", "async": false, "destination": {"type": "http", "url": "{{{system.Targets.Url($"/http/{path}")}}}"}}
            }
            """);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;

        Assert.Equal("invalid_param", await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Contains("'left'", message);
        var token = System.Text.RegularExpressions.Regex.Match(message, "The token is ([A-Za-z0-9_-]{32})").Groups[1].Value;
        var upload = (await system.Http.GetFromJsonAsync<JsonElement>($"/v2/upload/{token}")).GetProperty("uploads")[0];
        Assert.Equal(("failed", 1), (upload.GetProperty("state").GetString(), upload.GetProperty("attempts").GetInt32()));
        Assert.DoesNotContain($"PUT /http/{path}", system.Targets.UploadRequests);
    }

    [Fact]
    public async Task Deleting_a_token_stops_its_running_upload_without_a_callback()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        var name = Guid.NewGuid().ToString("N");
        system.Targets.HoldUploads = TimeSpan.FromSeconds(3);
        try
        {
            var response = await system.Http.PostJsonAsync($"/v2/render/{project}", Body($$$"""
                {"extension": "mp4", "async": true, "onsuccess": "{{{system.Targets.Url($"/callback/{name}-ok")}}}",
                 "onerror": "{{{system.Targets.Url($"/callback/{name}-error")}}}",
                 "destination": {"type": "http", "url": "{{{system.Targets.Url($"/http/{path}")}}}"}}
                """));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!system.Targets.UploadRequests.Contains($"PUT /http/{path}") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(HttpStatusCode.NoContent, (await system.Http.DeleteAsync($"/v2/token/{token}")).StatusCode);
            // Past the held request and the retries' backoff: an upload left running would have stored or called back by now.
            await Task.Delay(TimeSpan.FromSeconds(5));

            Assert.Equal("cancelled", await (await system.Http.GetAsync($"/v2/upload/{token}")).AssertErrorAsync(HttpStatusCode.Gone));
            Assert.Single(system.Targets.UploadRequests, r => r == $"PUT /http/{path}");
            Assert.False(system.Targets.HttpObjects.ContainsKey(path), "the transfer under way was cut off");
            Assert.DoesNotContain(system.Targets.Callbacks, c => c.Name.StartsWith(name, StringComparison.Ordinal));
        }
        finally
        {
            system.Targets.HoldUploads = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Upload_state_of_a_token_without_uploads_is_404()
    {
        var token = (await system.RenderAsync(project, $$$"""{"movie": "greeting", "params": {"logo": "{{{system.Images.Url("logo.png")}}}"}}""")).GetProperty("token").GetString();

        Assert.Equal("no_uploads", await (await system.Http.GetAsync($"/v2/upload/{token}")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_token", await (await system.Http.GetAsync($"/v2/upload/{new string('x', 32)}")).AssertErrorAsync(HttpStatusCode.NotFound));
    }
}
