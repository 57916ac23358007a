using System.Net;
using Orleans.Render.TestSupport;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Orleans.Render.Api.Tests.Playground;

/// <summary>
/// The playground page (<c>/playground</c>) in a real Chromium, used as a person would: key, project, movie, the form
/// generated from the movie's variables, validation as they type, a render with its progress and the preview played to
/// its end, and the scrubber's still.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class PlaygroundTests(RenderSystemFixture system, PlaygroundBrowserFixture browser) : IClassFixture<PlaygroundBrowserFixture>, IAsyncLifetime
{
    private const int Fps = 25;

    // Every kind of field the form makes: text, colour, number, URL (an asset's name), a choice, a condition. With
    // "outro" off the movie is 1 s + 1 s = 50 frames.
    private const string Movie = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "${bg, #000080}", "layers": [
            {"type": "text", "text": "Hi ${name}", "fontSize": 30, "color": "#ffffff", "x": "${left, 20}"},
            {"type": "image", "url": "${logo, logo.png}", "x": 260, "y": 120, "width": 40, "height": 40}]},
          {"type": "choice", "variable": "plan", "cases": [
            {"case": "gold", "duration": 1, "background": "#806000"},
            {"case": "silver", "duration": 1, "background": "#808080"}],
           "default": {"duration": 1, "background": "#006400"}},
          {"type": "optional", "condition": "outro", "duration": 1, "background": "#202020"}]}
        """;

    private string project = "";

    public async Task InitializeAsync()
    {
        project = await system.CreateProjectAsync("playground");
        await system.PutAssetAsync(project, "logo.png", TestImages.SolidPng(40, 40, new Rgba32(255, 0, 0)), "image/png");
        await system.PutMovieAsync(project, "card", Movie);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_start_page_links_the_playground_which_is_served_with_its_assets()
    {
        var start = await system.Http.GetStringAsync("/");
        Assert.Contains("href=\"/playground\"", start, StringComparison.Ordinal);

        using var page = await system.Http.GetAsync("/playground");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/playground/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var asset = await system.Http.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.True(asset.Headers.CacheControl?.Public, "hashed assets are cacheable");
    }

    [Theory]
    [InlineData("/playground/nothing.js")]
    [InlineData("/playground/..%2F..%2FOrleans.Render.Api.dll")]
    [InlineData("/playground/%2E%2E/appsettings.json")]
    public async Task Nothing_outside_the_playground_is_served_from_it(string path)
    {
        using var response = await system.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("get-mp4", "/v2/get/", ".mp4")]
    [InlineData("play-webm", "/v2/play/", ".webm")]
    [InlineData("hls", "/v2/get/", ".m3u8")]
    [InlineData("render-mp4", "/v2/render/", ".mp4")]
    public async Task A_user_fills_the_form_renders_sees_the_progress_move_and_plays_the_video_to_its_end(string mode, string played, string extension)
    {
        // A name no earlier render used, so the segment store has nothing to reuse and the render really runs.
        var name = $"Alex {Guid.NewGuid():N}"[..13];
        var result = await browser.Browser.RenderAsync(Visit(new() { ["name"] = name, ["bg"] = "#112233", ["left"] = "30", ["plan"] = "silver" }), mode, TimeSpan.FromSeconds(90));

        Assert.True(result.Problems.Count == 0, result.ToString());
        var fields = result.Fields.ToDictionary(f => f.Name);
        Assert.Equal(["bg", "left", "name", "logo", "plan", "outro"], result.Fields.Select(f => f.Name));
        Assert.Equal(["color", "text"], fields["bg"].Inputs);
        Assert.Equal(["text"], fields["name"].Inputs);
        Assert.Equal(["number"], fields["left"].Inputs);
        Assert.Equal(["url"], fields["logo"].Inputs);
        Assert.Equal("choice", fields["plan"].Type);
        Assert.Equal(["", "gold", "silver"], fields["plan"].Options);
        Assert.Equal(["checkbox"], fields["outro"].Inputs);

        // The progress moved: the first state shown was not the end, the frames done never went back, the last was done.
        Assert.True(result.Progress.Count >= 2, result.ToString());
        Assert.True(result.Progress[0].Status != "done" || result.Progress[0].Done < result.Progress[0].Total, result.ToString());
        Assert.Equal(result.Progress.Select(p => p.Done).Order(), result.Progress.Select(p => p.Done));
        Assert.Equal(("done", 50.0, 50.0), (result.Progress[^1].Status, result.Progress[^1].Done, result.Progress[^1].Total));

        var video = result.Video ?? throw new Xunit.Sdk.XunitException(result.ToString());
        Assert.True(video.Ended, result.ToString());
        Assert.StartsWith(played, video.Src, StringComparison.Ordinal);
        Assert.EndsWith(extension, video.Src, StringComparison.Ordinal);
        Assert.Equal((320, 180), (video.Width, video.Height));
        Assert.Equal(50.0 / Fps, video.Duration ?? video.CurrentTime, 1);

        Assert.Equal(49, result.ScrubberMax);
        var still = result.Still ?? throw new Xunit.Sdk.XunitException(result.ToString());
        Assert.Contains("frame=49", still.Src, StringComparison.Ordinal);
        Assert.Equal((320, 180), (still.Width, still.Height));

        Assert.Contains($"/v2/render/{project}", result.Curl, StringComparison.Ordinal);
        Assert.Contains($"\"name\":\"{name}\"", result.Curl, StringComparison.Ordinal);
        Assert.Contains("/v2/progress/", result.JavaScript, StringComparison.Ordinal);
        Assert.Contains("new RenderRequest(\"card\"", result.Dotnet, StringComparison.Ordinal);
        Assert.Contains($"[\"name\"] = \"{name}\"", result.Dotnet, StringComparison.Ordinal);
        Assert.Contains($"-p 'name={name}'", result.Cli, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_colour_shows_a_validation_error_under_its_field_as_it_is_typed()
    {
        var result = await browser.Browser.ValidateAsync(Visit(new() { ["name"] = "Alex", ["bg"] = "notacolour" }), TimeSpan.FromSeconds(30));

        Assert.True(result.Problems.Count == 0, result.ToString());
        var bg = result.Fields.Single(f => f.Name == "bg");
        Assert.True(bg.Invalid, result.ToString());
        Assert.Contains(bg.Errors, e => e.Contains("'notacolour'", StringComparison.Ordinal) && e.Contains("not a colour", StringComparison.Ordinal));
        Assert.All(result.Fields.Where(f => f.Name != "bg"), f => Assert.Empty(f.Errors));
        Assert.Contains("error", result.Validity, StringComparison.Ordinal);
    }

    private PlaygroundVisit Visit(Dictionary<string, string> parameters) =>
        new($"{system.Http.BaseAddress}playground", $"{RenderSystemFixture.Key}:{RenderSystemFixture.Secret}", project, "card", parameters);
}
