using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>A private project's render calls need its render key (<c>Authorization: Bearer</c>); public projects are as before.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class PrivateProjectApiTests(RenderSystemFixture system)
{
    [Fact]
    public async Task Every_render_call_of_a_private_project_refuses_anonymous_callers_with_401_and_serves_its_render_key()
    {
        var (project, key) = await system.PrivateProjectAsync();
        var token = await system.TokenAsync(project, key);
        string[] anonymousGets =
        [
            $"/v2/progress/{token}", $"/v2/upload/{token}", $"/v2/render/{token}.jpg", $"/v2/get/{token}.mp4", $"/v2/get/{token}.m3u8",
            $"/v2/get/{token}/init.mp4", $"/v2/get/{token}/v/0.m4s", $"/v1/render/{project}/clip.jpg?name=x", $"/v1/get/{project}/{token}/0.m4s",
        ];

        await (await system.SendAsync(HttpMethod.Post, $"/v2/render/{project}", json: """{"movie": "clip"}""")).AssertUnauthorizedAsync();
        await (await system.SendAsync(HttpMethod.Post, $"/v2/token/{project}", json: """{"movie": "clip"}""")).AssertUnauthorizedAsync();
        foreach (var path in anonymousGets)
        {
            await (await system.SendAsync(HttpMethod.Get, path)).AssertUnauthorizedAsync();
        }

        await (await system.SendAsync(HttpMethod.Delete, $"/v2/token/{token}")).AssertUnauthorizedAsync();
        await (await system.SendAsync(HttpMethod.Post, "/v2/batch", json: $$"""{"project": "{{project}}"}""")).AssertUnauthorizedAsync();
        // What the SDKs sent before private projects existed: the project id as the bearer value.
        await (await system.SendAsync(HttpMethod.Post, $"/v2/render/{project}", project, """{"movie": "clip"}""")).AssertUnauthorizedAsync();
        await (await system.SendAsync(HttpMethod.Post, "/v2/batch", project, "{}")).AssertUnauthorizedAsync();

        var rendered = await system.SendAsync(HttpMethod.Post, $"/v2/render/{project}", key, """{"movie": "clip", "format": "jpg"}""");
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        var progress = await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", key);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var still = await system.SendAsync(HttpMethod.Get, $"/v2/render/{token}.jpg", key);
        Assert.Equal("image/jpeg", still.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v1/render/{project}/clip.jpg?name=v1", key)).StatusCode);
        Assert.Equal("no_uploads", await (await system.SendAsync(HttpMethod.Get, $"/v2/upload/{token}", key)).AssertErrorAsync(HttpStatusCode.NotFound));

        // The SDKs name no project: the render key does.
        var batch = await system.SendAsync(HttpMethod.Post, "/v2/batch", key, "{}");
        var created = await batch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        Assert.Equal(project, created.GetProperty("project").GetString());
        var id = created.GetProperty("id").GetString();
        await (await system.SendAsync(HttpMethod.Get, $"/v2/batch/{id}")).AssertUnauthorizedAsync();
        await (await system.SendAsync(HttpMethod.Post, $"/v2/batch/{id}/cancel")).AssertUnauthorizedAsync();
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v2/batch/{id}/results", key)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await system.SendAsync(HttpMethod.Delete, $"/v2/token/{token}", key)).StatusCode);
        // Unknown tokens stay 404 for anyone: there is no project to ask.
        Assert.Equal("unknown_token", await (await system.SendAsync(HttpMethod.Get, "/v2/progress/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Another_projects_key_is_403_and_a_rotated_or_revoked_key_is_401_at_once()
    {
        var (project, key) = await system.PrivateProjectAsync();
        var (_, otherKey) = await system.PrivateProjectAsync();
        var token = await system.TokenAsync(project, key);

        Assert.Equal("forbidden", await (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", otherKey)).AssertErrorAsync(HttpStatusCode.Forbidden));
        Assert.Equal("forbidden", await (await system.SendAsync(HttpMethod.Post, $"/v2/token/{project}", otherKey, """{"movie": "clip"}""")).AssertErrorAsync(HttpStatusCode.Forbidden));
        await (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", key[..^2] + "xx")).AssertUnauthorizedAsync();
        await (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", "not-a-key")).AssertUnauthorizedAsync();

        var id = key.Split('.')[1];
        var rotated = await system.Management.PostAsync($"/v1/renderkey/{project}/{id}/rotate", null);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        await (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", key)).AssertUnauthorizedAsync();
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", newKey)).StatusCode);

        var access = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/access/{project}");
        Assert.True(access.GetProperty("private").GetBoolean());
        Assert.Equal([id], access.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("id").GetString()));
        Assert.DoesNotContain(newKey.Split('.')[2], access.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await system.Management.DeleteAsync($"/v1/renderkey/{project}/{id}")).StatusCode);
        await (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", newKey)).AssertUnauthorizedAsync();
        Assert.Equal("unknown_key", await (await system.Management.DeleteAsync($"/v1/renderkey/{project}/{id}")).AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_batch_tasks_token_asked_for_before_the_task_made_it_is_still_refused_once_it_exists()
    {
        var (project, key) = await system.PrivateProjectAsync();
        var id = (await (await system.SendAsync(HttpMethod.Post, "/v2/batch", key, "{}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var added = await system.SendAsync(HttpMethod.Post, $"/v2/batch/{id}/tasks", key, """{"tasks": [{"movie": "clip", "params": {"name": "batch"}, "format": "jpg"}]}""");
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        var results = await (await system.SendAsync(HttpMethod.Get, $"/v2/batch/{id}/results", key)).Content.ReadFromJsonAsync<JsonElement>();
        var token = results[0].GetProperty("token").GetString();

        // Not made yet: 404 for anyone, and that answer must not be remembered as "no project".
        Assert.Equal("unknown_token", await (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.NoContent, (await system.SendAsync(HttpMethod.Post, $"/v2/batch/{id}/run", key)).StatusCode);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", key)).StatusCode == HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", key)).StatusCode);
        await (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}")).AssertUnauthorizedAsync();
    }

    [Fact]
    public async Task A_public_project_takes_no_credentials_and_ignores_any_it_is_sent_and_private_can_be_undone()
    {
        var (project, key) = await system.PrivateProjectAsync();
        Assert.Equal(HttpStatusCode.OK, (await system.Management.PutAsJsonAsync($"/v1/access/{project}", new { @private = false })).StatusCode);

        var token = await system.TokenAsync(project, bearer: null);
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", "anything at all")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v2/progress/{token}", key)).StatusCode);
        var batch = await system.SendAsync(HttpMethod.Post, "/v2/batch", project, "{}");
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        Assert.Equal("invalid_private", await (await system.Management.PutAsJsonAsync($"/v1/access/{project}", new { @private = "yes" })).AssertErrorAsync(HttpStatusCode.BadRequest));
    }
}
