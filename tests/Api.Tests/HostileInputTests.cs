using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// The hardening contract over HTTP: refused destinations and callbacks before anything renders or queues, strict
/// encodings, bounded nesting and params, and error messages without server paths.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class HostileInputTests(RenderSystemFixture system) : IAsyncLifetime
{
    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("hostile-input");
        await system.PutMovieAsync(project, "greeting", Greeting);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static ByteArrayContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    [Theory]
    [InlineData(true, "destination")]
    [InlineData(false, "destination")]
    [InlineData(true, "onsuccess")]
    public async Task A_private_destination_or_callback_is_422_url_refused_and_nothing_is_rendered_or_queued(bool isAsync, string where)
    {
        // "localhost" reaches the test's upload server, but only "127.0.0.1:port" is allow-listed.
        var name = $"refused-{Guid.NewGuid():N}";
        var local = $"http://localhost:{system.Targets.Port}";
        var task = where == "destination"
            ? $$$"""{"extension": "mp4", "destination": {"type": "http", "url": "{{{local}}}/http/{{{name}}}"}}"""
            : $$$"""{"extension": "mp4", "onsuccess": "{{{local}}}/callback/{{{name}}}", "destination": {"type": "http", "url": "{{{system.Targets.Url($"/http/{name}")}}}"}}""";

        var response = await system.Http.PostJsonAsync($"/v2/render/{project}", $$"""{"movie": "greeting", "async": {{(isAsync ? "true" : "false")}}, "upload": {{task}}}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("url_refused", await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Contains(where == "destination" ? "'upload.destination.url'" : "'upload.onsuccess'", body);
        Assert.DoesNotContain("token", body);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(system.Targets.HttpObjects.Keys, k => k.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain(system.Targets.Callbacks, c => c.Name.Contains(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, """{"type": "s3", "bucket": "any-bucket", "filename": "a.mp4", "aws_use_policy": true}""", "'upload.destination.aws_use_policy'")]
    [InlineData(false, """{"type": "azureblob", "account": "someonesstore", "container": "videos", "key": "a.mp4"}""", "'upload.destination.account'")]
    public async Task Server_held_credentials_are_403_unless_configuration_grants_them_to_the_project(bool isAsync, string destination, string field)
    {
        var response = await system.Http.PostJsonAsync(
            $"/v2/render/{project}", $$$"""{"movie": "greeting", "async": {{{(isAsync ? "true" : "false")}}}, "upload": {"extension": "mp4", "destination": {{{destination}}}}}""");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("credentials_not_allowed", await response.AssertErrorAsync(HttpStatusCode.Forbidden));
        Assert.Contains(field, body);
        Assert.DoesNotContain("token", body);
    }

    public static TheoryData<string, byte[]> BrokenText() => new()
    {
        { "invalid UTF-8", [.. "{\"movie\": \"greeting\", \"params\": {\"name\": \""u8, 0xFF, 0xC0, .. "\"}}"u8] },
        { "an encoded surrogate", [.. "{\"movie\": \"greeting\", \"params\": {\"name\": \""u8, 0xED, 0xA0, 0x80, .. "\"}}"u8] },
        { "an unpaired surrogate escape", "{\"movie\": \"greeting\", \"params\": {\"name\": \"\\ud800\"}}"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BrokenText))]
    public async Task Broken_text_is_400_invalid_json_on_every_json_endpoint(string kind, byte[] body)
    {
        Assert.NotEmpty(kind);
        foreach (var (client, path) in new[]
        {
            (system.Http, $"/v2/render/{project}"), (system.Http, $"/v2/token/{project}"),
            (system.Management, $"/v1/validate/{project}/greeting"), (system.Management, $"/v1/sdl/{project}/broken"),
        })
        {
            var response = await client.PostAsync(path, Bytes(body, "application/json"));
            Assert.Equal("invalid_json", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
        }
    }

    [Fact]
    public async Task An_xml_template_with_invalid_utf8_is_400_invalid_json()
    {
        byte[] xml = [.. "<movie><scene duration=\"1\"><text>"u8, 0xFF, .. "</text></scene></movie>"u8];

        var response = await system.Management.PutAsync($"/v1/sdl/{project}/broken-xml", Bytes(xml, "application/xml"));

        Assert.Equal("invalid_json", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Scenes_nested_past_the_limit_are_422_naming_the_path_and_a_megabyte_of_nesting_leaves_the_silo_up()
    {
        static string Nested(int depth) =>
            "<movie>" + string.Concat(Enumerable.Repeat("<scene type=\"choice\" variable=\"v\">", depth - 1)) + "<scene duration=\"1\"/>"
            + string.Concat(Enumerable.Repeat("</scene>", depth - 1)) + "</movie>";

        var response = await system.Management.PutAsync($"/v1/sdl/{project}/deep", new StringContent(Nested(17), Encoding.UTF8, "application/xml"));
        var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("/movie/scene[1]" + string.Concat(Enumerable.Repeat("/scene[1]", 16)), problems.GetProperty("problems")[0].GetProperty("path").GetString());

        var huge = await system.Management.PutAsync($"/v1/sdl/{project}/deeper", new StringContent(Nested(22_000), Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.StatusCode);
        await system.PutMovieAsync(project, "still-up", Greeting);
    }

    [Fact]
    public async Task Params_over_the_limits_are_422_naming_the_param_or_413()
    {
        var tooLong = await system.Http.PostJsonAsync($"/v2/render/{project}", $$$"""{"movie": "greeting", "params": {"name": "{{{new string('x', 10_001)}}}"}}""");
        var body = await tooLong.Content.ReadAsStringAsync();
        Assert.Equal("param_too_long", await tooLong.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Contains("'name'", body);

        var many = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"\"p{i}\": \"{new string('x', 9_000)}\""));
        var tooMuch = await system.Http.PostJsonAsync($"/v2/render/{project}", $$$"""{"movie": "greeting", "params": { {{{many}}} }}""");
        Assert.Equal("params_too_large", await tooMuch.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task An_asset_error_names_no_server_path()
    {
        var playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nsegment0.ts\n#EXT-X-ENDLIST\n"u8.ToArray();

        var response = await system.Management.PutAsync($"/v1/data/{project}/clip.mp4", Bytes(playlist, "video/mp4"));

        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()!;
        Assert.Equal("video_invalid", await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        Assert.DoesNotMatch("/[A-Za-z0-9_.-]+/", message);
    }
}
