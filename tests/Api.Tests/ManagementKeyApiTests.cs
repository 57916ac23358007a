using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>Management keys made by an admin manage only the projects they create; the configured (admin) key sees all.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class ManagementKeyApiTests(RenderSystemFixture system)
{
    [Fact]
    public async Task A_scoped_key_sees_only_its_own_projects_an_admin_sees_all_and_rotation_and_revocation_take_effect()
    {
        var made = await system.Management.PostAsJsonAsync("/v1/key", new { comment = "agency" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var issued = await made.Content.ReadFromJsonAsync<JsonElement>();
        var (key, secret) = (issued.GetProperty("key").GetString()!, issued.GetProperty("secret").GetString()!);
        using var scoped = system.ManagementClient(key, secret);

        var (mine, renderKey) = await system.PrivateProjectAsync(scoped);
        var theirs = await system.CreateProjectAsync("admins");
        await system.PutMovieAsync(theirs, "clip", AccessApiClient.Clip);

        var listed = await scoped.GetFromJsonAsync<JsonElement>("/v1/list/project");
        Assert.Equal([mine], listed.GetProperty("Projects").EnumerateArray().Select(p => p[0].GetString()));
        var all = await system.Management.GetFromJsonAsync<JsonElement>("/v1/list/project");
        Assert.Contains(all.GetProperty("Projects").EnumerateArray(), p => p[0].GetString() == mine);
        Assert.Contains(all.GetProperty("Projects").EnumerateArray(), p => p[0].GetString() == theirs);
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => scoped.GetAsync($"/v1/list/sdl/{theirs}"),
            () => scoped.GetAsync($"/v1/sdl/{theirs}/clip"),
            () => scoped.DeleteAsync($"/v1/project/{theirs}"),
            () => scoped.PutAsJsonAsync($"/v1/access/{theirs}", new { @private = true }),
            () => scoped.PostAsync($"/v1/renderkey/{theirs}", null),
            () => scoped.PostAsJsonAsync($"/v1/sign/{theirs}", new { path = "/v2/render/x.mp4" }),
        })
        {
            Assert.Equal("unknown_project", await (await request()).AssertErrorAsync(HttpStatusCode.NotFound));
        }

        Assert.Equal(HttpStatusCode.OK, (await scoped.GetAsync($"/v1/sdl/{mine}/clip")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Management.GetAsync($"/v1/sdl/{mine}/clip")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v1/render/{mine}/clip.jpg", renderKey)).StatusCode);
        Assert.Equal("forbidden", await (await scoped.PostAsync("/v1/key", null)).AssertErrorAsync(HttpStatusCode.Forbidden));
        Assert.Equal("forbidden", await (await scoped.GetAsync("/v1/list/key")).AssertErrorAsync(HttpStatusCode.Forbidden));
        Assert.Equal("forbidden", await (await scoped.GetAsync("/dashboard/")).AssertErrorAsync(HttpStatusCode.Forbidden));

        var keys = await system.Management.GetFromJsonAsync<JsonElement>("/v1/list/key");
        var listedKey = keys.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("key").GetString() == key);
        Assert.Equal([mine], listedKey.GetProperty("projects").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(secret, keys.ToString(), StringComparison.Ordinal);

        using var wrong = system.ManagementClient(key, secret[..^1] + "x");
        await (await wrong.GetAsync("/v1/list/project")).AssertUnauthorizedAsync("Basic");

        var rotated = await (await system.Management.PostAsync($"/v1/key/{key}/rotate", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var renewed = system.ManagementClient(key, rotated.GetProperty("secret").GetString()!);
        await (await scoped.GetAsync("/v1/list/project")).AssertUnauthorizedAsync("Basic");
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/v1/sdl/{mine}/clip")).StatusCode);

        // Keys, ownership and privacy are grain state: they outlive the silo.
        await system.StopSiloAsync();
        await system.StartSiloAsync();
        await system.WaitUntilHealthyAsync();
        await Task.Delay(TimeSpan.FromSeconds(6)); // past Access:CacheTtl, so the API reads the grains again
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/v1/sdl/{mine}/clip")).StatusCode);
        Assert.Equal("unknown_project", await (await renewed.GetAsync($"/v1/list/sdl/{theirs}")).AssertErrorAsync(HttpStatusCode.NotFound));
        await (await system.SendAsync(HttpMethod.Get, $"/v1/render/{mine}/clip.jpg")).AssertUnauthorizedAsync();
        Assert.Equal(HttpStatusCode.OK, (await system.SendAsync(HttpMethod.Get, $"/v1/render/{mine}/clip.jpg", renderKey)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await system.Management.DeleteAsync($"/v1/key/{key}")).StatusCode);
        await (await renewed.GetAsync("/v1/list/project")).AssertUnauthorizedAsync("Basic");
        Assert.Equal("unknown_key", await (await system.Management.PostAsync($"/v1/key/{key}/rotate", null)).AssertErrorAsync(HttpStatusCode.NotFound));
    }
}
