using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Render.TestSupport;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

/// <summary>Every mistake a caller can make gets its own status and a <c>{"error", "message"}</c> body.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed class BadInputTests(RenderSystemFixture system) : IAsyncLifetime
{
    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("bad-input");
        await system.PutMovieAsync(project, "greeting", Greeting);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> RenderAsync(string body) => system.Http.PostJsonAsync($"/v2/render/{project}", body);

    private static string WithLogo(string url) => $$"""{"movie": "greeting", "params": {"logo": "{{url}}"} }""";

    [Theory]
    [InlineData("{\"movie\": ", "invalid_json")]
    [InlineData("[1, 2]", "invalid_request")]
    [InlineData("{\"params\": {}}", "missing_movie")]
    [InlineData("{\"movie\": 7}", "invalid_movie")]
    [InlineData("{\"movie\": {\"avi\": \"greeting\"}}", "invalid_movie")]
    [InlineData("{\"movie\": \"greeting\", \"params\": [1]}", "invalid_params")]
    [InlineData("{\"movie\": \"greeting\", \"parallel\": \"2\"}", "invalid_parallel")]
    [InlineData("{\"movie\": \"greeting\", \"params\": {\"name\": {\"nested\": 1}}}", "invalid_params")]
    [InlineData("{\"movie\": \"greeting\", \"routingKey\": \"nobody\"}", "unknown_routing_key")]
    [InlineData("{\"movie\": \"greeting\", \"async\": \"yes\"}", "invalid_async")]
    [InlineData("{\"movie\": \"greeting\", \"upload\": {\"destination\": {\"type\": \"s3\"}}}", "invalid_upload")]
    public async Task Malformed_render_requests_are_400(string body, string error) =>
        Assert.Equal(error, await (await RenderAsync(body)).AssertErrorAsync(HttpStatusCode.BadRequest));

    [Theory]
    [InlineData("""{"extension": "avi", "destination": {"type": "s3"}}""", "upload.extension")]
    [InlineData("""[{"extension": "mp4", "destination": {"type": "ftp"}}]""", "upload[0].destination.type")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "s3", "bucket": "b", "filename": "f"}}""", "upload.destination.bucket")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "s3", "bucket": "bucket", "filename": "f"}}""", "aws_access_key_id")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "s3", "bucket": "bucket", "filename": "f", "aws_use_policy": true, "acl": "everyone"}}""", "upload.destination.acl")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "http", "url": "ftp://example.com/x"}}""", "upload.destination.url")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/x", "headers": {"Host": "a"}}}""", "upload.destination.headers")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "youtube", "auth_secret": "s", "title": "t", "description": "d", "category": "22"}}""", "auth_secret")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": "music"}}""", "category")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "facebook"}}""", "oauth_access_token")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "azureblob", "container": "c", "key": "k"}}""", "connectionstring")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/x"}, "onsuccess": "https://user:pw@example.com/"}""", "upload.onsuccess")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "dropbox", "filename": "/x.mp4"}}""", "oauth_access_token")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "dropbox", "oauth_access_token": "t", "filename": "/videos/"}}""", "filename")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "azureblob", "account": "store1", "accountkey": "not base64!", "container": "c", "key": "k"}}""", "accountkey")]
    [InlineData("""[]""", "empty")]
    public async Task Malformed_upload_tasks_are_400_naming_the_field(string upload, string named)
    {
        var response = await RenderAsync($$"""{"movie": "greeting", "upload": {{upload}}}""");

        Assert.Equal("invalid_upload", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_of_an_extension_the_movie_map_lacks_is_400()
    {
        var response = await RenderAsync("""{"movie": {"mp4": "greeting"}, "upload": {"extension": "gif", "destination": {"type": "http", "url": "https://example.com/x"}}}""");

        Assert.Equal("invalid_upload", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Upload_tasks_on_a_token_only_request_are_400()
    {
        var response = await system.Http.PostJsonAsync(
            $"/v2/token/{project}", """{"movie": "greeting", "upload": {"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/x"}}}""");

        Assert.Equal("invalid_upload", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413()
    {
        var body = $$"""{"movie": "greeting", "params": {"name": "{{new string('a', 1024 * 1024)}}"} }""";
        Assert.Equal("body_too_large", await (await RenderAsync(body)).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task Unknown_projects_movies_and_tokens_are_404()
    {
        Assert.Equal("unknown_project", await (await system.Http.PostJsonAsync("/v2/render/nope", """{"movie": "greeting"}""")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_movie", await (await RenderAsync("""{"movie": "missing"}""")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_movie", await (await RenderAsync("""{"movie": {"mp4": "greeting", "*": "missing"} }""")).AssertErrorAsync(HttpStatusCode.NotFound));
        var token = new string('A', 32);
        Assert.Equal("unknown_token", await (await system.Http.GetAsync($"/v2/render/{token}.mp4")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_token", await (await system.Http.GetAsync("/v2/render/not-a-token.mp4")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_token", await (await system.Http.GetAsync($"/v2/progress/{token}")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_token", await (await system.Http.DeleteAsync($"/v2/token/{token}")).AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Extensions_outside_the_formats_or_the_movie_map_are_400()
    {
        var created = await system.Http.PostJsonAsync($"/v2/token/{project}", $$"""{"movie": {"mp4": "greeting", "png": "greeting"}, "params": {"logo": "{{system.Images.Url("logo.png")}}"} }""");
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        Assert.Equal("extension_not_mapped", await (await system.Http.GetAsync($"/v2/render/{token}.webm")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("unsupported_extension", await (await system.Http.GetAsync($"/v2/render/{token}.avi")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("invalid_quality", await (await system.Http.GetAsync($"/v2/render/{token}.jpg?q=5")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("invalid_frame", await (await system.Http.GetAsync($"/v2/render/{token}.png?frame=-1")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("frame_out_of_range", await (await system.Http.GetAsync($"/v2/render/{token}.png?frame=500")).AssertErrorAsync(HttpStatusCode.BadRequest));
        var unmapped = await system.Http.PostJsonAsync($"/v2/render/{project}", """{"movie": {"mp4": "greeting"}, "format": "webm", "async": true}""");
        Assert.Equal("extension_not_mapped", await unmapped.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/logo.png")]
    [InlineData("http://10.0.0.1/logo.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/logo.png")]
    [InlineData("file:///etc/passwd")]
    public async Task Image_urls_to_private_addresses_or_other_schemes_are_422(string url) =>
        Assert.Equal("url_refused", await (await RenderAsync(WithLogo(url))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity));

    [Theory]
    [InlineData("garbage.png", "image_invalid")]
    [InlineData("huge.png", "image_too_large")]
    public async Task Undecodable_or_oversized_images_are_422(string path, string error) =>
        Assert.Equal(error, await (await RenderAsync(WithLogo(system.Images.Url(path)))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity));

    [Fact]
    public async Task A_number_field_whose_param_is_not_a_number_is_422_naming_the_variable()
    {
        await system.PutMovieAsync(project, "placed", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "solid", "color": "#f00", "x": "${left, 10}", "width": 20, "height": 20, "condition": "!hidden"}]}]}
            """);

        var response = await RenderAsync("""{"movie": "placed", "params": {"left": "far"}}""");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("invalid_param", await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Contains("'left'", body);

        var variables = (await system.Management.GetFromJsonAsync<JsonElement>($"/v1/sdlvariables/{project}/placed")).GetProperty("variables");
        Assert.Equal(
            [("hidden", null, "boolean"), ("left", "10", "number")],
            variables.EnumerateArray().Select(v => (v.GetProperty("name").GetString(), v.GetProperty("defaultvalue").GetString(), v.GetProperty("type").GetString())));
    }

    [Fact]
    public async Task Text_full_of_ffmpeg_special_characters_renders_literally()
    {
        var name = JsonSerializer.Serialize("it's 100% \\ : ; [x] %{pts} 'q' \"dq\" ${x} 🎉 שלום\nline");
        var body = $$"""{"movie": "greeting", "params": {"name": {{name}}, "logo": "{{system.Images.Url("logo.png")}}"} }""";
        var token = (await system.RenderAsync(project, body)).GetProperty("token").GetString();

        var frame = await MediaInspector.DecodeFrameAsync(await system.DownloadAsync($"/v2/render/{token}.png?frame=15"), 0, Width, Height);

        Assert.True(TextPixels(frame) > 100);
    }

    [Fact]
    public async Task An_invalid_movie_is_refused_at_put_with_the_path_of_each_problem()
    {
        var response = await system.Management.PutAsync(
            $"/v1/sdl/{project}/broken",
            new StringContent("""{"width": 321, "scenes": [{"duration": -1, "layers": [{"type": "text", "fontSize": "x"}]}]}""", Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("invalid_movie", await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        var paths = JsonDocument.Parse(text).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.width", paths);
        Assert.Contains("$.scenes[0].duration", paths);
        Assert.Contains("$.scenes[0].layers[0].text", paths);
        Assert.Contains("$.scenes[0].layers[0].fontSize", paths);
        Assert.Equal("invalid_movie", await (await system.Management.PutAsync($"/v1/sdl/{project}/x", new StringContent("{"))).AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task Management_calls_need_a_valid_key()
    {
        Assert.Equal("unauthorized", await (await system.Http.GetAsync("/v1/list/project")).AssertErrorAsync(HttpStatusCode.Unauthorized));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1/list/project");
        wrong.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RenderSystemFixture.Key}:wrong-secret-000000")));
        Assert.Equal("unauthorized", await (await system.Http.SendAsync(wrong)).AssertErrorAsync(HttpStatusCode.Unauthorized));
    }
}
