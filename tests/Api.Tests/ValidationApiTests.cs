using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Render.TestSupport;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Orleans.Render.Api.Tests;

[Collection(RenderSystemCollection.Name)]
public sealed class ValidationApiTests(RenderSystemFixture system) : IAsyncLifetime
{
    private const string Movie = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
          {"type": "image", "url": "${logo, badge.png}", "width": 40, "height": 40},
          {"type": "text", "text": "Hello, ${name}!", "font": "${font, DejaVu Sans}", "x": 0, "y": 100, "width": 320, "height": 80}]}]}
        """;

    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("validation");
        await system.PutAssetAsync(project, "badge.png", TestImages.SolidPng(8, 8, new Rgba32(0, 255, 0)), "image/png");
        await system.PutAssetAsync(project, "brand.ttf", TestFonts.RenamedMono("ValidationFont16"), "font/ttf");
        await system.PutMovieAsync(project, "card", Movie);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> ValidateAsync(string parameters)
    {
        var response = await system.Management.PostJsonAsync($"/v1/validate/{project}/card", $$"""{"params": {{parameters}} }""");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static (string Path, string Message)[] Problems(JsonElement result, string kind) =>
        [.. result.GetProperty(kind).EnumerateArray().Select(p => (p.GetProperty("path").GetString()!, p.GetProperty("message").GetString()!))];

    [Fact]
    public async Task A_movie_with_everything_it_needs_is_valid_without_warnings()
    {
        var result = await ValidateAsync("""{"name": "Ada"}""");

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Empty(Problems(result, "errors"));
        Assert.Empty(Problems(result, "warnings"));
    }

    [Fact]
    public async Task A_variable_without_default_or_param_is_an_error_and_an_unused_param_a_warning()
    {
        var result = await ValidateAsync("""{"nmae": "Ada"}""");

        Assert.False(result.GetProperty("valid").GetBoolean());
        var error = Assert.Single(Problems(result, "errors"));
        Assert.Equal("$.scenes[0].layers[1].text", error.Path);
        Assert.Contains("'name'", error.Message);
        var warning = Assert.Single(Problems(result, "warnings"));
        Assert.Equal("params.nmae", warning.Path);
    }

    [Theory]
    [InlineData("nope.png", "asset_missing")]
    [InlineData("brand.ttf", "is a font file, not an image file")]
    [InlineData("http://10.0.0.1/logo.png", "url_refused")]
    [InlineData("ftp://example.com/logo.png", "url_refused")]
    [InlineData("/etc/passwd", "url_refused")]
    public async Task Missing_assets_and_refused_urls_are_errors_at_the_url(string logo, string expected)
    {
        var result = await ValidateAsync($$"""{"name": "Ada", "logo": "{{logo}}"}""");

        var error = Assert.Single(Problems(result, "errors"));
        Assert.Equal("$.scenes[0].layers[0].url", error.Path);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Urls_are_requested_an_unreachable_one_is_an_error_and_a_reachable_one_is_not()
    {
        var missing = await ValidateAsync($$"""{"name": "Ada", "logo": "{{system.Images.Url("missing.png")}}"}""");
        var reachable = await ValidateAsync($$"""{"name": "Ada", "logo": "{{system.Images.Url("logo.png")}}"}""");

        var error = Assert.Single(Problems(missing, "errors"));
        Assert.Equal("$.scenes[0].layers[0].url", error.Path);
        Assert.Contains("404", error.Message);
        Assert.Empty(Problems(reachable, "errors"));
    }

    [Fact]
    public async Task Text_that_will_be_shrunk_and_unknown_fonts_are_warnings()
    {
        var longName = string.Join(' ', Enumerable.Repeat("Bartholomew", 12));

        var result = await ValidateAsync($$"""{"name": "{{longName}}", "font": "Nonexistent Family"}""");

        Assert.Empty(Problems(result, "errors"));
        var warnings = Problems(result, "warnings");
        Assert.Contains(warnings, w => w.Path == "$.scenes[0].layers[1].font" && w.Message.Contains("Nonexistent Family"));
        Assert.Contains(warnings, w => w.Path == "$.scenes[0].layers[1].text" && w.Message.Contains("shrunk from 48 px"));
    }

    [Fact]
    public async Task A_scene_shorter_than_its_transition_and_long_text_in_a_choice_case_are_reported()
    {
        await system.PutMovieAsync(project, "story", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1},
              {"duration": 0.2, "transition": {"type": "crossfade", "duration": 0.6}},
              {"type": "choice", "variable": "plan", "cases": [
                {"case": "pro", "duration": 1, "layers": [{"type": "text", "text": "A very long sentence that cannot fit at this size", "fontSize": 60, "height": 40}]}]}]}
            """);

        var response = await system.Management.PostJsonAsync($"/v1/validate/{project}/story", """{"params": {"plan": "pro"}}""");
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var error = Assert.Single(Problems(result, "errors"));
        Assert.Equal("$.scenes[1].transition", error.Path);
        Assert.Contains("transition_too_long", error.Message);
        await system.PutMovieAsync(project, "story", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1},
              {"type": "choice", "variable": "plan", "transition": {"type": "fadeblack", "duration": 0.6}, "cases": [{"case": "pro", "duration": 0.2}]}]}
            """);
        response = await system.Management.PostJsonAsync($"/v1/validate/{project}/story", """{"params": {"plan": "pro"}}""");
        result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("$.scenes[1].transition", Assert.Single(Problems(result, "errors")).Path);
        await system.PutMovieAsync(project, "story", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"type": "choice", "variable": "plan", "cases": [
                {"case": "pro", "duration": 1, "layers": [{"type": "text", "text": "A very long sentence that cannot fit at this size", "fontSize": 60, "height": 40}]}]}]}
            """);
        response = await system.Management.PostJsonAsync($"/v1/validate/{project}/story", """{"params": {"plan": "pro"}}""");
        result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(Problems(result, "warnings"), w => w.Path == "$.scenes[0].cases[0].layers[0].text" && w.Message.Contains("shrunk from 60 px"));
    }

    [Fact]
    public async Task Audio_may_come_from_an_audio_or_a_video_asset_but_not_from_an_image()
    {
        await system.PutAssetAsync(project, "clip.mp4", await TestMedia.RedMp4Async(32, 18, 1), "video/mp4");
        await system.PutMovieAsync(project, "music", """
            {"width": 320, "height": 180, "fps": 25, "audio": {"url": "${music}"}, "scenes": [{"duration": 1}]}
            """);

        async Task<(string Path, string Message)[]> ErrorsFor(string music)
        {
            var response = await system.Management.PostJsonAsync($"/v1/validate/{project}/music", $$"""{"params": {"music": "{{music}}"} }""");
            return Problems(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, "errors");
        }

        Assert.Empty(await ErrorsFor("clip.mp4"));
        var error = Assert.Single(await ErrorsFor("badge.png"));
        Assert.Equal(("$.audio.url", "The asset 'badge.png' is an image file, not an audio or video file."), error);
    }

    [Fact]
    public async Task A_project_font_named_by_family_is_no_warning()
    {
        var result = await ValidateAsync("""{"name": "Ada", "font": "ValidationFont16"}""");

        Assert.Empty(Problems(result, "warnings"));
    }

    [Fact]
    public async Task The_impossible_io_diagnostics_call_takes_params_from_the_query_string()
    {
        var result = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/sdlmovieerrors/{project}/card?name=Ada&logo=nope.png");

        var error = Assert.Single(Problems(result, "errors"));
        Assert.Equal("$.scenes[0].layers[0].url", error.Path);
    }

    [Fact]
    public async Task Unknown_movies_and_projects_are_404_and_bad_params_400()
    {
        Assert.Equal("unknown_movie", await (await system.Management.PostJsonAsync($"/v1/validate/{project}/nomovie", "{}")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_project", await (await system.Management.PostJsonAsync("/v1/validate/noproject/card", "{}")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("invalid_params", await (await system.Management.PostJsonAsync($"/v1/validate/{project}/card", """{"params": {"name": [1]}}""")).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("unauthorized", await (await system.Http.PostJsonAsync($"/v1/validate/{project}/card", "{}")).AssertErrorAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task An_auto_scene_validates_by_reading_its_media_and_is_an_error_when_params_switch_its_media_off()
    {
        var tone = system.Images.AddFile("validation-tone.wav", await TestMedia.ToneAsync(440, 0.8));
        await system.PutMovieAsync(project, "auto", $$"""
            {"width": 320, "height": 180, "scenes": [{"duration": "auto", "layers": [
              {"type": "audio", "url": "{{tone}}", "condition": "withSound"}]}]}
            """);
        async Task<JsonElement> ValidateAutoAsync(string withSound)
        {
            var response = await system.Management.PostJsonAsync($"/v1/validate/{project}/auto", $$$"""{"params": {"withSound": "{{{withSound}}}"}}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }

        Assert.True((await ValidateAutoAsync("yes")).GetProperty("valid").GetBoolean());
        var error = Assert.Single(Problems(await ValidateAutoAsync("no"), "errors"));
        Assert.Contains("auto_scene_empty", error.Message);
    }
}
