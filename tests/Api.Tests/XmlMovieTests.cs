using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Render.TestSupport;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;
using static Orleans.Render.Api.Tests.TestMovies;

namespace Orleans.Render.Api.Tests;

[Collection(RenderSystemCollection.Name)]
public sealed class XmlMovieTests(RenderSystemFixture system)
{
    private const string Template = """
        <?xml version="1.0" encoding="utf-8"?>
        <movie width="320" height="180" framerate="25">
          <scene duration="25" background="#000080">
            <image src="${badge, badge.png}" fit="stretch" position="200, 20" width="64" height="64" offset="5"/>
            <text size="32" color="#ffffff" position="0, 120" height="60" offset="10" duration="10">Hello, ${name, World}!</text>
          </scene>
          <scene duration="1s" background="#006400">
            <solid color="#ff0000" position="20, 20" width="40" height="40" offset="0.48s"/>
          </scene>
        </movie>
        """;

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    public async Task An_xml_template_is_stored_as_json_and_renders_like_the_json_movie(string contentType)
    {
        var project = await system.CreateProjectAsync("xml");
        await system.PutAssetAsync(project, "badge.png", TestImages.SolidPng(8, 8, new Rgba32(255, 0, 255)), "image/png");

        var put = await system.Management.PutAsync($"/v1/sdl/{project}/greeting", new StringContent(Template, Encoding.UTF8, contentType));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var stored = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/sdl/{project}/greeting");
        Assert.Equal(25, stored.GetProperty("scenes")[0].GetProperty("frames").GetInt32());
        var token = (await system.RenderAsync(project, """{"movie": "greeting", "params": {"name": "Alex"}}""")).GetProperty("token").GetString();
        var file = await system.DownloadAsync($"/v2/render/{token}.mp4");

        Assert.Equal(Frames, (await MediaInspector.ProbeAsync(file)).FrameCount);
        var start = await MediaInspector.DecodeFrameAsync(file, 2, Width, Height);
        Assert.True(start.IsNear(232, 52, Navy), "the image starts at frame 5");
        Assert.Equal(0, TextPixels(start));
        var both = await MediaInspector.DecodeFrameAsync(file, 15, Width, Height);
        Assert.True(both.IsNear(232, 52, ImageServer.LogoColour), $"the badge asset is drawn: {both.At(232, 52)}");
        Assert.True(TextPixels(both) > 100, "the text shows on frames 10-19");
        Assert.Equal(0, TextPixels(await MediaInspector.DecodeFrameAsync(file, 22, Width, Height)));
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 30, Width, Height)).IsNear(40, 40, Green), "the square starts at frame 37");
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 45, Width, Height)).IsNear(40, 40, Red));
    }

    [Fact]
    public async Task An_xml_template_with_video_audio_a_shape_and_an_animation_renders()
    {
        var project = await system.CreateProjectAsync("xml-media");
        await system.PutAssetAsync(project, "clip.mp4", await TestMedia.RedMp4Async(64, 36, 2), "video/mp4");
        await system.PutAssetAsync(project, "tone.wav", await TestMedia.ToneAsync(660, 2), "audio/wav");
        var put = await system.Management.PutAsync($"/v1/sdl/{project}/media", new StringContent("""
            <movie width="320" height="180" framerate="25">
              <audio src="tone.wav" volume="1"/>
              <scene duration="50" background="#000080">
                <video src="clip.mp4" fit="stretch" position="100, 50" width="80" height="40" audio="false"/>
                <shape shape="rectangle" fill="#00ff00" position="10, 10" width="40" height="40">
                  <animation type="fadein" duration="25"/>
                </shape>
              </scene>
            </movie>
            """, Encoding.UTF8, "application/xml"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var token = (await system.RenderAsync(project, """{"movie": "media"}""")).GetProperty("token").GetString();
        var file = await system.DownloadAsync($"/v2/render/{token}.mp4");

        Assert.Equal(50, (await MediaInspector.ProbeAsync(file)).FrameCount);
        var early = await MediaInspector.DecodeFrameAsync(file, 1, Width, Height);
        var late = await MediaInspector.DecodeFrameAsync(file, 40, Width, Height);
        Assert.True(late.IsNear(140, 70, Red), $"the video plays in its box: {late.At(140, 70)}");
        Assert.True(early.IsNear(30, 30, Navy, 40), $"the shape fades in over 25 frames: {early.At(30, 30)}");
        Assert.True(late.IsNear(30, 30, (0, 255, 0)), $"the shape is opaque after its fade: {late.At(30, 30)}");
        var sound = await TestMedia.DecodeSoundAsync(file);
        Assert.True(TestMedia.Amplitude(sound, 660, 4800, 9600) > 0.1, "the movie-wide <audio> plays");
    }

    [Fact]
    public async Task An_invalid_template_is_422_with_xml_paths()
    {
        var project = await system.CreateProjectAsync("xml");

        var response = await system.Management.PutAsync($"/v1/sdl/{project}/bad", new StringContent(
            """<movie width="320" height="180"><scene duration="25"><text size="0" wobble="1">Hi</text><sceneview src="x"/></scene></movie>""",
            Encoding.UTF8, "application/xml"));

        Assert.Equal("invalid_movie", await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("problems")
            .EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("/movie/scene[1]/text[1]/@wobble", problems);
        Assert.Contains("/movie/scene[1]/sceneview[1]/@src", problems);
        Assert.Equal("unknown_movie", await (await system.Management.GetAsync($"/v1/sdl/{project}/bad")).AssertErrorAsync(HttpStatusCode.NotFound));
    }
}
