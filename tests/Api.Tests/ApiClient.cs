using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>The calls a user of the HTTP API makes, as small helpers over the fixture's clients.</summary>
internal static class ApiClient
{
    public static async Task<string> CreateProjectAsync(this RenderSystemFixture system, string name = "demo")
    {
        var response = await system.Management.PostAsync($"/v1/project/{name}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Project-UID").GetString()!;
    }

    public static async Task PutMovieAsync(this RenderSystemFixture system, string project, string movie, string json)
    {
        var response = await system.Management.PutAsync($"/v1/sdl/{project}/{movie}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> PutAssetAsync(this RenderSystemFixture system, string project, string name, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var response = await system.Management.PutAsync($"/v1/data/{project}/{name}", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> RenderAsync(this RenderSystemFixture system, string project, string body)
    {
        var response = await system.Http.PostJsonAsync($"/v2/render/{project}", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }

    public static async Task<string> DownloadAsync(this RenderSystemFixture system, string path)
    {
        var response = await system.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var file = Path.Combine(Path.GetTempPath(), $"download-{Guid.NewGuid():N}{Path.GetExtension(path.Split('?')[0])}");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    /// <summary>Asserts the error shape every endpoint answers with and returns its code.</summary>
    public static async Task<string> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var json = JsonDocument.Parse(text).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()));
        return json.GetProperty("error").GetString()!;
    }
}
