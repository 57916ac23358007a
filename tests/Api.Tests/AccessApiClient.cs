using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>The calls around private projects: privacy, render keys, signed URLs, and requests with a credential.</summary>
internal static class AccessApiClient
{
    /// <summary>320x180, one second of navy with the <c>name</c> param written on it.</summary>
    public const string Clip = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "background": "#000080",
          "layers": [{"type": "text", "text": "${name, x}", "fontSize": 30, "color": "#ffffff"}]}]}
        """;

    /// <summary>A private project with the movie <c>clip</c> and one render key.</summary>
    public static async Task<(string Project, string Key)> PrivateProjectAsync(this RenderSystemFixture system, HttpClient? management = null)
    {
        management ??= system.Management;
        var created = await management.PostAsync("/v1/project/private", null);
        created.EnsureSuccessStatusCode();
        var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Project-UID").GetString()!;
        var movie = await management.PutAsync($"/v1/sdl/{project}/clip", new StringContent(Clip, Encoding.UTF8, "application/json"));
        movie.EnsureSuccessStatusCode();
        var access = await management.PutAsync($"/v1/access/{project}", JsonContent.Create(new { @private = true }));
        Assert.True(access.IsSuccessStatusCode, await access.Content.ReadAsStringAsync());
        return (project, await system.CreateRenderKeyAsync(project, management));
    }

    public static async Task<string> CreateRenderKeyAsync(this RenderSystemFixture system, string project, HttpClient? management = null)
    {
        var response = await (management ?? system.Management).PostAsync($"/v1/renderkey/{project}", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>Signs <paramref name="path"/> through the management API; answers the signed path and query.</summary>
    public static async Task<string> SignAsync(this RenderSystemFixture system, string project, string path, int ttlSeconds = 600)
    {
        var response = await system.Management.PostAsJsonAsync($"/v1/sign/{project}", new { path, ttl = ttlSeconds });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.EndsWith(json.GetProperty("path").GetString()!, json.GetProperty("url").GetString()!, StringComparison.Ordinal);
        return json.GetProperty("path").GetString()!;
    }

    public static Task<HttpResponseMessage> SendAsync(this RenderSystemFixture system, HttpMethod method, string path, string? bearer = null, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return system.Http.SendAsync(request);
    }

    public static async Task<string> TokenAsync(this RenderSystemFixture system, string project, string? bearer)
    {
        var response = await system.SendAsync(HttpMethod.Post, $"/v2/token/{project}", bearer, """{"movie": "clip", "params": {"name": "token"}}""");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json.GetProperty("token").GetString()!;
    }

    /// <summary>A 401 <c>unauthorized</c> that tells the client to send a bearer key.</summary>
    public static async Task AssertUnauthorizedAsync(this HttpResponseMessage response, string scheme = "Bearer")
    {
        Assert.Equal("unauthorized", await response.AssertErrorAsync(HttpStatusCode.Unauthorized));
        Assert.Equal(scheme, response.Headers.WwwAuthenticate.Single().Scheme);
    }

    public static HttpClient ManagementClient(this RenderSystemFixture system, string key, string secret) => new()
    {
        BaseAddress = system.Http.BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}"))) },
    };
}
