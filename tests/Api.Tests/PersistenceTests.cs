using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Orleans.Render.Api.Tests;

[Collection(RenderSystemCollection.Name)]
public sealed class PersistenceTests(RenderSystemFixture system)
{
    [Fact]
    public async Task A_token_still_serves_its_output_and_progress_after_the_silo_restarts()
    {
        var project = await system.CreateProjectAsync("persistence");
        await system.PutMovieAsync(project, "greeting", TestMovies.Greeting);
        var body = $$"""{"movie": "greeting", "params": {"logo": "{{system.Images.Url("logo.png")}}"} }""";
        var token = (await system.RenderAsync(project, body)).GetProperty("token").GetString();
        var before = await system.Http.GetAsync($"/v2/render/{token}.mp4");

        await system.StopSiloAsync();
        try
        {
            Assert.Equal("cluster_unavailable", await (await system.Http.GetAsync($"/v2/progress/{token}")).AssertErrorAsync(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            await system.StartSiloAsync();
            await system.WaitUntilHealthyAsync();
        }

        var after = await system.Http.GetAsync($"/v2/render/{token}.mp4");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(await before.Content.ReadAsByteArrayAsync(), await after.Content.ReadAsByteArrayAsync());
        var progress = await system.Http.GetFromJsonAsync<JsonElement>($"/v2/progress/{token}");
        Assert.Equal((TestMovies.Frames, TestMovies.Frames), (progress.GetProperty("done").GetInt32(), progress.GetProperty("total").GetInt32()));
        var movies = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/list/sdl/{project}");
        Assert.Equal("greeting", movies.GetProperty("SDLS")[0].GetString());
    }

    [Fact]
    public async Task Tokens_answered_by_POST_v2_token_render_after_the_silo_was_killed_right_after()
    {
        var project = await system.CreateProjectAsync("ledger");
        await system.PutMovieAsync(project, "greeting", TestMovies.Greeting);
        var body = $$"""{"movie": "greeting", "params": {"logo": "{{system.Images.Url("logo.png")}}"} }""";
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => system.Http.PostJsonAsync($"/v2/token/{project}", body)));
        Assert.All(created, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        var tokens = await Task.WhenAll(created.Select(async c => (await c.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!));

        // Killed at once: every token that was answered must already be stored.
        await system.StopSiloAsync();
        await system.StartSiloAsync();
        await system.WaitUntilHealthyAsync();

        foreach (var token in tokens)
        {
            var progress = await system.Http.GetFromJsonAsync<JsonElement>($"/v2/progress/{token}");
            Assert.Equal((0, TestMovies.Frames), (progress.GetProperty("done").GetInt32(), progress.GetProperty("total").GetInt32()));
        }

        var rendered = await system.Http.GetAsync($"/v2/render/{tokens[0]}.mp4");
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Equal("video/mp4", rendered.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, (await system.Http.DeleteAsync($"/v2/token/{tokens[1]}")).StatusCode);
        Assert.Equal("cancelled", await (await system.Http.GetAsync($"/v2/progress/{tokens[1]}")).AssertErrorAsync(HttpStatusCode.Gone));
    }
}
