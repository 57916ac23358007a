using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// The batch calls exactly as the SDK v3 clients send them (shared/research/impossible-io.md §1.6): TS, Python and
/// Rust send <c>Content-Type: application/json</c> and <c>Authorization: Bearer</c> on every call (also without a
/// body) and read <c>GET /batch/{id}</c> and <c>GET /batch/{id}/results</c>; Go sends <c>Accept: application/json</c>,
/// a content type only with a body, and reads <c>/batch/{id}/status</c> and <c>/batch/run/{runId}/results</c>. Each
/// test checks the response shapes those clients parse. The API key is the project's id here.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class BatchApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    private const string Tiny = """
        {"width": 320, "height": 180, "fps": 5, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [{"type": "text", "text": "${name}", "fontSize": 40}]}]}
        """;

    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("batches");
        await system.PutMovieAsync(project, "tiny", Tiny);
        await system.PutMovieAsync(project, "plain", """{"width": 320, "height": 180, "fps": 5, "scenes": [{"duration": 1, "background": "#006400"}]}""");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_TypeScript_Python_and_Rust_calls_create_fill_run_and_read_a_batch()
    {
        var created = await JsonAsync(await TsAsync(HttpMethod.Post, "/v2/batch", """{"routing": "default"}"""));
        var id = created.GetProperty("id").GetString()!;

        var added = await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", """
            {"tasks": [{"movie": "tiny", "params": {"name": "Ada"}, "format": "mp4"},
                       {"movie": "tiny", "params": {"name": "Bo"}, "format": "jpg"},
                       {"movie": "plain", "params": {}}]}
            """);
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/run")).StatusCode);

        var status = await PollAsync(() => TsAsync(HttpMethod.Get, $"/v2/batch/{id}"));
        Assert.Equal((id, "completed", 3), (status.GetProperty("id").GetString(), status.GetProperty("status").GetString(), status.GetProperty("tasks").GetInt32()));

        var results = await JsonAsync(await TsAsync(HttpMethod.Get, $"/v2/batch/{id}/results"));
        Assert.Equal(3, results.GetArrayLength());
        var formats = new[] { "mp4", "jpg", "mp4" };
        var contentTypes = new[] { "video/mp4", "image/jpeg", "video/mp4" };
        for (var i = 0; i < 3; i++)
        {
            var result = results[i];
            Assert.Equal("completed", result.GetProperty("status").GetString());
            var token = result.GetProperty("token").GetString()!;
            var url = new Uri(result.GetProperty("url").GetString()!);
            Assert.Equal($"/v2/render/{token}.{formats[i]}", url.AbsolutePath);
            var output = await system.Http.GetAsync(url.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, output.StatusCode);
            Assert.Equal(contentTypes[i], output.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_Go_calls_create_fill_run_and_read_a_batch_under_the_status_and_run_paths()
    {
        var created = await JsonAsync(await GoAsync(HttpMethod.Post, "/v2/batch", "{}"));
        var id = created.GetProperty("batchId").GetString()!;
        Assert.Equal("pending", created.GetProperty("status").GetString());

        Assert.True((await GoAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", """{"tasks": [{"movie": "tiny", "params": {"name": "Go"}, "format": "mp4"}, {"movie": "nowhere", "params": {}}]}""")).StatusCode == HttpStatusCode.NotFound);
        Assert.True((await GoAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", """{"tasks": [{"movie": "tiny", "params": {"name": "Go"}, "format": "mp4"}, {"movie": "tiny", "params": {"name": 7}}]}""")).IsSuccessStatusCode);
        Assert.True((await GoAsync(HttpMethod.Post, $"/v2/batch/{id}/run")).IsSuccessStatusCode);

        var status = await PollAsync(() => GoAsync(HttpMethod.Get, $"/v2/batch/{id}/status"));
        Assert.Equal(
            (id, "completed", 2, 2, 0),
            (status.GetProperty("batchId").GetString(), status.GetProperty("status").GetString(),
             status.GetProperty("total").GetInt32(), status.GetProperty("done").GetInt32(), status.GetProperty("failed").GetInt32()));
        var runId = status.GetProperty("runId").GetString()!;

        var results = await JsonAsync(await GoAsync(HttpMethod.Get, $"/v2/batch/run/{runId}/results"));
        Assert.Equal(2, results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            Assert.Equal(("completed", "tiny"), (result.GetProperty("status").GetString(), result.GetProperty("movie").GetString()));
            Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
            Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync(new Uri(result.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
        }
    }

    [Fact]
    public async Task Cancel_answers_no_content_and_the_tasks_never_started_read_cancelled()
    {
        var id = (await JsonAsync(await TsAsync(HttpMethod.Post, "/v2/batch", """{"window": 1}"""))).GetProperty("id").GetString()!;
        var tasks = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"{{\"movie\": \"tiny\", \"params\": {{\"name\": \"cancel {i} {Guid.NewGuid():N}\"}}}}"));
        Assert.Equal(HttpStatusCode.NoContent, (await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", $$"""{"tasks": [{{tasks}}]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/run")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/cancel")).StatusCode);

        var status = await PollAsync(() => TsAsync(HttpMethod.Get, $"/v2/batch/{id}"), s => s.GetProperty("running").GetInt32() == 0);
        Assert.Equal("cancelled", status.GetProperty("status").GetString());
        var results = await JsonAsync(await TsAsync(HttpMethod.Get, $"/v2/batch/{id}/results"));
        Assert.True(results.EnumerateArray().Skip(1).All(r => r.GetProperty("status").GetString() == "cancelled"), results.ToString());
        var never = results[11].GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await system.Http.GetAsync($"/v2/progress/{never}")).StatusCode);
        Assert.Equal("batch_ended", await (await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/cancel")).AssertErrorAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Tasks_take_a_movie_map_and_upload_tasks_as_a_render_body_does_and_results_are_paged()
    {
        var id = (await JsonAsync(await TsAsync(HttpMethod.Post, "/v2/batch", "{}"))).GetProperty("id").GetString()!;
        var path = $"batch-{Guid.NewGuid():N}.mp4";
        var upload = system.Targets.Url($"/http/{path}");
        var added = await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", $$$$"""
            {"tasks": [
              {"movie": {"jpg": "plain", "*": "tiny"}, "params": {"name": "map"}, "format": "jpg"},
              {"movie": "tiny", "params": {"name": "up"},
               "upload": {"extension": "mp4", "destination": {"type": "http", "url": "{{{{upload}}}}"}}},
              {"movie": "plain"}, {"movie": "plain"}, {"movie": "plain"}]}
            """);
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/run");
        await PollAsync(() => TsAsync(HttpMethod.Get, $"/v2/batch/{id}"));

        var first = await TsAsync(HttpMethod.Get, $"/v2/batch/{id}/results?offset=0&limit=2");
        Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("offset=2&limit=2", first.Headers.GetValues("Link").Single());
        var page = await JsonAsync(first);
        Assert.Equal(("plain", "jpg"), (page[0].GetProperty("movie").GetString(), page[0].GetProperty("format").GetString()));
        Assert.Equal("completed", page[1].GetProperty("status").GetString());
        Assert.True(system.Targets.HttpObjects.ContainsKey(path));
        Assert.Equal(JsonValueKind.String, page[1].GetProperty("uploads")[0].ValueKind);
        var last = await TsAsync(HttpMethod.Get, $"/v2/batch/{id}/results?offset=4&limit=2");
        Assert.False(last.Headers.Contains("Link"));
        Assert.Equal(4, (await JsonAsync(last)).EnumerateArray().Single().GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task A_running_batch_finishes_after_the_whole_cluster_restarted_with_the_tokens_it_had()
    {
        var id = (await JsonAsync(await TsAsync(HttpMethod.Post, "/v2/batch", """{"window": 2}"""))).GetProperty("id").GetString()!;
        var tasks = string.Join(", ", Enumerable.Range(0, 30).Select(i => $"{{\"movie\": \"tiny\", \"params\": {{\"name\": \"restart {i} {Guid.NewGuid():N}\"}}}}"));
        await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", $$"""{"tasks": [{{tasks}}]}""");
        await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/run");
        await PollAsync(() => TsAsync(HttpMethod.Get, $"/v2/batch/{id}"), s => s.GetProperty("done").GetInt32() >= 3);
        var before = await JsonAsync(await TsAsync(HttpMethod.Get, $"/v2/batch/{id}/results"));
        Assert.Contains(before.EnumerateArray(), r => r.GetProperty("status").GetString() == "pending");

        // The one silo is the whole cluster.
        await system.StopSiloAsync();
        await system.StartSiloAsync();
        await system.WaitUntilHealthyAsync();
        var status = await PollAsync(() => GoAsync(HttpMethod.Get, $"/v2/batch/{id}/status"));

        Assert.Equal(("completed", 30, 0), (status.GetProperty("status").GetString(), status.GetProperty("done").GetInt32(), status.GetProperty("failed").GetInt32()));
        var after = await JsonAsync(await GoAsync(HttpMethod.Get, $"/v2/batch/run/{id}/results"));
        Assert.Equal(before.EnumerateArray().Select(r => r.GetProperty("token").GetString()), after.EnumerateArray().Select(r => r.GetProperty("token").GetString()));
        foreach (var result in after.EnumerateArray())
        {
            Assert.Equal("completed", result.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await system.Http.GetAsync(new Uri(result.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
        }
    }

    [Fact]
    public async Task Mistakes_get_the_error_shape()
    {
        var noProject = await system.Http.PostJsonAsync("/v2/batch", """{"routing": "default"}""");
        Assert.Equal("missing_project", await noProject.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("unknown_routing_key", await (await TsAsync(HttpMethod.Post, "/v2/batch", """{"routing": "nowhere"}""")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("unknown_batch", await (await TsAsync(HttpMethod.Get, "/v2/batch/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_batch", await (await GoAsync(HttpMethod.Post, "/v2/batch/nope/run")).AssertErrorAsync(HttpStatusCode.NotFound));

        var id = (await JsonAsync(await TsAsync(HttpMethod.Post, "/v2/batch", "{}"))).GetProperty("id").GetString()!;
        var badTask = await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", """{"tasks": [{"movie": "tiny"}, {"movie": "tiny", "params": [1]}]}""");
        Assert.Equal("invalid_params", await badTask.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("1", badTask.Headers.GetValues("X-Batch-Task").Single());
        Assert.Equal("missing_tasks", await (await TsAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", """{"movie": "tiny"}""")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, (await JsonAsync(await TsAsync(HttpMethod.Get, $"/v2/batch/{id}"))).GetProperty("tasks").GetInt32());
    }

    /// <summary>A call as the TS, Python and Rust clients make it: JSON content type and the bearer key on every call.</summary>
    private Task<HttpResponseMessage> TsAsync(HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? new ByteArrayContent([]) : new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", project);
        return system.Http.SendAsync(request);
    }

    /// <summary>A call as the Go client makes it: <c>Accept: application/json</c>, the content type only with a body, the bearer key.</summary>
    private Task<HttpResponseMessage> GoAsync(HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", project);
        return system.Http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls a status call until the batch has ended (or <paramref name="until"/> holds), for at most two minutes.</summary>
    private static async Task<JsonElement> PollAsync(Func<Task<HttpResponseMessage>> status, Func<JsonElement, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var json = await JsonAsync(await status());
            if ((until ?? (s => s.GetProperty("status").GetString() is "completed" or "failed" or "cancelled"))(json) || DateTime.UtcNow > deadline)
            {
                return json;
            }

            await Task.Delay(100);
        }
    }
}
