using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// The requests impossible.io's official clients send, as the research notes record their wire format (§1.3–1.8): the
/// classic Project API client (HTTP Basic, trailing-slash list, 200/201 only, JSON bodies it parses) and SDK v3's render
/// calls (<c>Authorization: Bearer</c>, <c>routingKey</c>, <c>format</c>, <c>getUrl()</c> = <c>/get/{token}.mp4</c>). Each
/// test checks the fields the client reads.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class ClientCompatibilityTests(RenderSystemFixture system)
{
    private static HttpRequestMessage Classic(HttpMethod method, string path, HttpContent? content = null) => new(method, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RenderSystemFixture.Key}:{RenderSystemFixture.Secret}"))) },
        Content = content,
    };

    /// <summary>The classic client accepts 200 and 201 only, and reads a JSON object.</summary>
    private async Task<JsonElement> ClassicAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var response = await system.Http.SendAsync(Classic(method, path, content));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task The_classic_project_client_manages_a_project_from_creation_to_deletion()
    {
        var uid = (await ClassicAsync(HttpMethod.Post, "/v1/project/classic")).GetProperty("Project-UID").GetString()!;
        var listed = await ClassicAsync(HttpMethod.Get, "/v1/list/project/");
        Assert.Contains(listed.GetProperty("Projects").EnumerateArray(), p => p[0].GetString() == uid && p[1].GetString() == "classic");

        await ClassicAsync(HttpMethod.Put, $"/v1/sdl/{uid}/greeting", new StringContent(Greeting, Encoding.UTF8, "application/octet-stream"));
        Assert.Equal(uid, (await ClassicAsync(HttpMethod.Post, $"/v1/publish/{uid}/eu-west-1")).GetProperty("Published-UID").GetString());
        await ClassicAsync(HttpMethod.Put, $"/v1/data/{uid}/note.png", new ByteArrayContent(TestSupport.TestImages.SolidPng(8, 8, new SixLabors.ImageSharp.PixelFormats.Rgba32(0, 128, 0))));

        Assert.Equal("note.png", (await ClassicAsync(HttpMethod.Delete, $"/v1/data/{uid}/note.png")).GetProperty("Resource-Name").GetString());
        Assert.Equal("greeting", (await ClassicAsync(HttpMethod.Delete, $"/v1/sdl/{uid}/greeting")).GetProperty("Movie").GetString());
        var deleted = await ClassicAsync(HttpMethod.Delete, $"/v1/project/{uid}");
        Assert.Equal((uid, true), (deleted.GetProperty("Project-UID").GetString(), deleted.GetProperty("deleted").GetBoolean()));
        Assert.Equal("unknown_project", await (await system.Http.SendAsync(Classic(HttpMethod.Post, $"/v1/publish/{uid}/eu-west-1"))).AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Sdl_variables_give_the_frames_of_each_variables_first_use()
    {
        var uid = await system.CreateProjectAsync("variables");
        await system.PutMovieAsync(uid, "greeting", Greeting);

        var variables = (await ClassicAsync(HttpMethod.Get, $"/v1/sdlvariables/{uid}/greeting")).GetProperty("variables");

        // logo: an image from 0.2 s to the end of the 1 s scene; name: text from 0.4 s for 0.4 s (25 fps).
        Assert.Equal(
            [("logo", null, "url", 5, 20), ("name", "World", "text", 10, 10)],
            variables.EnumerateArray().Select(v => (
                v.GetProperty("name").GetString(), v.GetProperty("defaultvalue").GetString(), v.GetProperty("type").GetString(),
                v.GetProperty("offset").GetInt32(), v.GetProperty("numframes").GetInt32())));
    }

    [Fact]
    public async Task Sdk_v3_render_calls_with_a_bearer_key_get_the_fields_it_parses()
    {
        var uid = await system.CreateProjectAsync("sdk3");
        await system.PutMovieAsync(uid, "greeting", Greeting);
        var body = $$"""{"movie": "greeting", "params": {"name": "SDK", "logo": "{{system.Images.Url("logo.png")}}"}, "routingKey": "default", "format": "mp4"}""";
        HttpRequestMessage Sdk(HttpMethod method, string path, string? json = null) => new(method, path)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "sdk-api-key") },
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };

        var rendered = await (await system.Http.SendAsync(Sdk(HttpMethod.Post, $"/v2/render/{uid}", body))).Content.ReadFromJsonAsync<JsonElement>();
        var token = rendered.GetProperty("token").GetString()!;
        Assert.Equal(200, rendered.GetProperty("status").GetInt32());
        Assert.True(rendered.GetProperty("expires").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.EndsWith($"/v2/render/{token}.mp4", rendered.GetProperty("url").GetString());

        var progress = await (await system.Http.SendAsync(Sdk(HttpMethod.Get, $"/v2/progress/{token}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32());
        var fetched = await system.Http.SendAsync(Sdk(HttpMethod.Get, $"/v2/get/{token}.mp4"));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("video/mp4", fetched.Content.Headers.ContentType?.MediaType);

        var created = await system.Http.SendAsync(Sdk(HttpMethod.Post, $"/v2/token/{uid}", body));
        var made = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, 200), (created.StatusCode, made.GetProperty("status").GetInt32()));
        Assert.Equal(HttpStatusCode.NoContent, (await system.Http.SendAsync(Sdk(HttpMethod.Delete, $"/v2/token/{made.GetProperty("token").GetString()}"))).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v2/play/x.webm")]
    [InlineData("GET", "/nothing/here.txt")]
    [InlineData("GET", "/v1/render/project")]
    [InlineData("GET", "/v2/render/a/b/c/d/e.mp4")]
    [InlineData("POST", "/v3/render/x.json")]
    [InlineData("GET", "/favicon.ico")]
    [InlineData("PUT", "/v2/render/someproject")]
    public async Task Every_unknown_path_answers_the_json_error_shape(string method, string path)
    {
        var response = await system.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var code = await response.AssertErrorAsync(HttpStatusCode.NotFound);
        Assert.True(code is "not_found" or "unknown_token", code);
    }
}
