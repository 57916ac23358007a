using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Render.TestSupport;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Orleans.Render.Api.Tests;

[Collection(RenderSystemCollection.Name)]
public sealed class AssetApiTests(RenderSystemFixture system)
{
    private static readonly byte[] GreenPng = TestImages.SolidPng(16, 8, new Rgba32(0, 255, 0));

    [Fact]
    public async Task An_image_asset_is_stored_listed_served_and_deleted()
    {
        var project = await system.CreateProjectAsync("assets");

        var put = await system.PutAssetAsync(project, "badge.png", GreenPng, "image/png");
        Assert.Equal(("badge.png", "image", "image/png", 16, 8), (
            put.GetProperty("Resource-Name").GetString(), put.GetProperty("kind").GetString(), put.GetProperty("contentType").GetString(),
            put.GetProperty("width").GetInt32(), put.GetProperty("height").GetInt32()));
        Assert.Equal(GreenPng.Length, put.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(GreenPng)), put.GetProperty("sha256").GetString());

        var served = await system.Management.GetAsync($"/v1/data/{project}/badge.png");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(GreenPng, await served.Content.ReadAsByteArrayAsync());

        var listed = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/list/data/{project}");
        Assert.Equal(["badge.png"], listed.GetProperty("Images").EnumerateArray().Select(i => i.GetString()));
        Assert.Empty(listed.GetProperty("Fonts").EnumerateArray());
        Assert.Equal("image", listed.GetProperty("Metadata").GetProperty("badge.png").GetProperty("kind").GetString());

        Assert.Equal(HttpStatusCode.OK, (await system.Management.DeleteAsync($"/v1/data/{project}/badge.png")).StatusCode);
        Assert.Equal("unknown_asset", await (await system.Management.GetAsync($"/v1/data/{project}/badge.png")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_asset", await (await system.Management.DeleteAsync($"/v1/data/{project}/badge.png")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.False(File.Exists(Path.Combine(system.MediaRoot, "assets", project, "badge.png")), "the bytes are gone from the media store");
        listed = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/list/data/{project}");
        Assert.Empty(listed.GetProperty("Images").EnumerateArray());
    }

    [Fact]
    public async Task Fonts_videos_and_audio_are_checked_and_described()
    {
        var project = await system.CreateProjectAsync("media");

        var font = await system.PutAssetAsync(project, "brand.ttf", TestFonts.RenamedMono("ApiTestBrand1234"), "application/octet-stream");
        var video = await system.PutAssetAsync(project, "clip.mp4", await TestMedia.RedMp4Async(64, 36, 1), "video/mp4");
        var audio = await system.PutAssetAsync(project, "tone", await TestMedia.SineWavAsync(0.5), "application/octet-stream");

        Assert.Equal(("font", "ApiTestBrand1234"), (font.GetProperty("kind").GetString(), font.GetProperty("family").GetString()));
        Assert.Equal(("video", 64, 36), (video.GetProperty("kind").GetString(), video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.Equal(1.0, video.GetProperty("duration").GetDouble(), 1);
        Assert.Equal("audio", audio.GetProperty("kind").GetString());
        Assert.Equal(0.5, audio.GetProperty("duration").GetDouble(), 1);
        var listed = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/list/data/{project}");
        Assert.Equal(["brand.ttf"], listed.GetProperty("Fonts").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["clip.mp4"], listed.GetProperty("Videos").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["tone"], listed.GetProperty("Audios").EnumerateArray().Select(i => i.GetString()));
    }

    [Theory]
    [InlineData("photo.png", "image/png", "image_invalid")]
    [InlineData("photo", "image/jpeg", "image_invalid")]
    [InlineData("brand.ttf", "font/ttf", "font_invalid")]
    [InlineData("clip.mp4", "video/mp4", "video_invalid")]
    [InlineData("song.mp3", "audio/mpeg", "audio_invalid")]
    [InlineData("blob.bin", "application/octet-stream", "asset_unsupported")]
    public async Task Content_that_is_not_what_it_claims_is_422_naming_the_problem(string name, string contentType, string error)
    {
        var project = await system.CreateProjectAsync("bad");

        var response = await system.Management.PutAsync(
            $"/v1/data/{project}/{name}", Content(Encoding.UTF8.GetBytes("this is not media at all, just some text"), contentType));

        Assert.Equal(error, await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("unknown_asset", await (await system.Management.GetAsync($"/v1/data/{project}/{name}")).AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_playlist_disguised_as_a_video_is_refused_without_being_followed()
    {
        var project = await system.CreateProjectAsync("bad");
        var playlist = $"#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n{system.Images.Url("logo.png")}\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n";

        var response = await system.Management.PutAsync($"/v1/data/{project}/clip.mp4", Content(Encoding.UTF8.GetBytes(playlist), "video/mp4"));

        Assert.Equal("video_invalid", await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task Names_projects_sizes_and_credentials_are_checked()
    {
        var project = await system.CreateProjectAsync("checks");

        Assert.Equal("invalid_name", await (await system.Management.PutAsync($"/v1/data/{project}/..hidden", Content(GreenPng, "image/png"))).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("invalid_name", await (await system.Management.PutAsync($"/v1/data/{project}/{new string('a', 101)}", Content(GreenPng, "image/png"))).AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("unknown_project", await (await system.Management.PutAsync("/v1/data/nosuchproject/a.png", Content(GreenPng, "image/png"))).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unknown_project", await (await system.Management.GetAsync("/v1/list/data/nosuchproject")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("unauthorized", await (await system.Http.PutAsync($"/v1/data/{project}/a.png", Content(GreenPng, "image/png"))).AssertErrorAsync(HttpStatusCode.Unauthorized));
        Assert.Equal("unauthorized", await (await system.Http.GetAsync($"/v1/list/data/{project}")).AssertErrorAsync(HttpStatusCode.Unauthorized));

        await using var small = await system.StartExtraApiAsync(new() { ["Assets__MaxBytes"] = "100" });
        small.Http.DefaultRequestHeaders.Authorization = system.Management.DefaultRequestHeaders.Authorization;
        Assert.True(GreenPng.Length > 100);
        Assert.Equal("asset_too_large", await (await small.Http.PutAsync($"/v1/data/{project}/a.png", Content(GreenPng, "image/png"))).AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task A_movie_draws_an_image_asset_and_deleting_the_project_deletes_its_assets()
    {
        var project = await system.CreateProjectAsync("render-assets");
        await system.PutAssetAsync(project, "badge.png", GreenPng, "image/png");
        await system.PutMovieAsync(project, "badge", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "background": "#000080", "layers": [
              {"type": "image", "url": "${badge, badge.png}", "fit": "stretch", "x": 100, "y": 50, "width": 80, "height": 40}]}]}
            """);

        var token = (await system.RenderAsync(project, """{"movie": "badge"}""")).GetProperty("token").GetString();
        var file = await system.DownloadAsync($"/v2/render/{token}.mp4");
        var frame = await MediaInspector.DecodeFrameAsync(file, 10, 320, 180);
        Assert.True(frame.IsNear(140, 70, (0, 255, 0)), $"the asset is drawn: {frame.At(140, 70)}");
        Assert.True(frame.IsNear(20, 20, TestMovies.Navy));

        var missing = await system.Http.PostJsonAsync($"/v2/render/{project}", """{"movie": "badge", "params": {"badge": "gone.png"}}""");
        Assert.Equal("asset_missing", await missing.AssertErrorAsync(HttpStatusCode.UnprocessableEntity));

        Assert.True(Directory.Exists(Path.Combine(system.MediaRoot, "assets", project)));
        Assert.Equal(HttpStatusCode.OK, (await system.Management.DeleteAsync($"/v1/project/{project}")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(system.MediaRoot, "assets", project)), "the project's assets are deleted with it");
    }

    [Fact]
    public async Task A_movie_plays_a_video_asset_and_an_audio_asset()
    {
        var project = await system.CreateProjectAsync("media-assets");
        await system.PutAssetAsync(project, "clip.mp4", await TestMedia.RedMp4Async(64, 36, 2), "video/mp4");
        await system.PutAssetAsync(project, "tone.wav", await TestMedia.ToneAsync(880, 2), "audio/wav");
        await system.PutMovieAsync(project, "media", """
            {"width": 320, "height": 180, "fps": 25, "audio": {"url": "tone.wav"}, "scenes": [{"duration": 1, "background": "#000080", "layers": [
              {"type": "video", "url": "clip.mp4", "fit": "stretch", "x": 100, "y": 50, "width": 80, "height": 40}]}]}
            """);

        var token = (await system.RenderAsync(project, """{"movie": "media"}""")).GetProperty("token").GetString();
        var file = await system.DownloadAsync($"/v2/render/{token}.mp4");

        var frame = await MediaInspector.DecodeFrameAsync(file, 12, 320, 180);
        Assert.True(frame.IsNear(140, 70, TestMovies.Red), $"the video asset plays in its box: {frame.At(140, 70)}");
        Assert.True(frame.IsNear(20, 20, TestMovies.Navy));
        var sound = await TestMedia.DecodeSoundAsync(file);
        Assert.True(TestMedia.Amplitude(sound, 880, 4800, 9600) > 0.1, "the audio asset is the movie's music");
    }

    [Fact]
    public async Task A_text_layer_uses_a_project_font_named_by_its_family()
    {
        var project = await system.CreateProjectAsync("fonts");
        await system.PutAssetAsync(project, "brand.ttf", TestFonts.RenamedMono("ApiTestBrand5678"), "font/ttf");
        await system.PutMovieAsync(project, "text", """
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 0.2, "background": "#000000", "layers": [
              {"type": "text", "text": "iiiiiiii", "fontSize": 20, "align": "left", "width": 320, "height": 60, "font": "${font}"}]}]}
            """);

        var withAsset = await RightmostWhiteAsync(project, "ApiTestBrand5678");
        var withDefault = await RightmostWhiteAsync(project, "Not Installed");

        Assert.InRange(withDefault, 20, 70);
        Assert.InRange(withAsset, 80, 130);
    }

    private async Task<int> RightmostWhiteAsync(string project, string font)
    {
        var token = (await system.RenderAsync(project, $$"""{"movie": "text", "format": "png", "params": {"font": "{{font}}"} }""")).GetProperty("token").GetString();
        var file = await system.DownloadAsync($"/v2/render/{token}.png");
        var frame = await MediaInspector.DecodeFrameAsync(file, 0, 320, 180);
        return Enumerable.Range(0, 320).LastOrDefault(x => frame.CountNear(x, 0, x + 1, 60, TestMovies.White) > 0, -1);
    }

    private static ByteArrayContent Content(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
