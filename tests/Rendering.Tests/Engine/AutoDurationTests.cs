using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// <c>"duration": "auto"</c>: a scene lasts until its longest non-looping video or audio layer ends, read from the media
/// (clips made with ffmpeg) before binding.
/// </summary>
public sealed class AutoDurationTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);

    private string clip = "";
    private string sound = "";

    public async Task InitializeAsync()
    {
        clip = fixture.Media.AddFile("testsrc.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "testsrc=s=320x180:r=30:d=1.2", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        sound = fixture.Media.AddFile("tone.wav", await TestMedia.ToneAsync(440, 0.8));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Timeline> BindAsync(string json, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var parsed = MovieParser.Parse(json);
        Assert.True(parsed.Movie is not null, string.Join("; ", parsed.Errors.Select(e => $"{e.Path} {e.Message}")));
        parameters ??= new Dictionary<string, string>();
        var lengths = await fixture.Services.GetRequiredService<MediaLengthProbe>()
            .ReadAsync(parsed.Movie!, parameters, EngineFixture.Project, fixture.Work, CancellationToken.None);
        return MovieBinder.Bind(parsed.Movie!, parameters, lengths);
    }

    [Fact]
    public async Task An_auto_scene_lasts_as_long_as_its_video_and_the_next_scene_starts_right_after()
    {
        var timeline = await BindAsync($$"""
            {"width": 320, "height": 180, "fps": 30, "scenes": [
              {"duration": "auto", "background": "#ff0000", "layers": [
                {"type": "video", "url": "{{clip}}", "x": 0, "y": 0, "width": 160, "height": 180, "fit": "stretch"}]},
              {"duration": 0.2, "background": "#0000ff"}]}
            """);

        Assert.Equal(36, timeline.Scenes[0].FrameCount);
        var movie = await fixture.RenderAsync(timeline, OutputFormat.Mp4);
        Assert.Equal(42, (await MediaInspector.ProbeAsync(movie)).FrameCount);
        var last = await MediaInspector.DecodeFrameAsync(movie, 35, 320, 180);
        var next = await MediaInspector.DecodeFrameAsync(movie, 36, 320, 180);
        Assert.True(last.IsNear(240, 90, Red), $"frame 35 right is {last.At(240, 90)}");
        Assert.True(next.IsNear(240, 90, Blue) && next.IsNear(80, 90, Blue), $"frame 36 is {next.At(80, 90)} {next.At(240, 90)}");
    }

    [Fact]
    public async Task The_movie_of_one_auto_scene_is_36_frames_and_start_in_and_duration_move_the_end()
    {
        var alone = await BindAsync($$"""
            {"width": 320, "height": 180, "fps": 30, "scenes": [{"duration": "auto", "layers": [{"type": "video", "url": "{{clip}}"}]}]}
            """);
        Assert.Equal(36, (await MediaInspector.ProbeAsync(await fixture.RenderAsync(alone, OutputFormat.Mp4))).FrameCount);

        // 0.2 s + (1.2 s − 0.5 s) = 27 frames; a layer cut to 0.3 s from 0.1 s ends at frame 12; the longest wins.
        var moved = await BindAsync($$"""
            {"width": 320, "height": 180, "fps": 30, "scenes": [{"duration": "auto", "layers": [
              {"type": "video", "url": "{{clip}}", "start": 0.2, "in": 0.5},
              {"type": "video", "url": "{{clip}}", "start": 0.1, "duration": 0.3}]}]}
            """);
        Assert.Equal(27, moved.TotalFrames);
    }

    [Fact]
    public async Task An_audio_layer_sets_the_length_and_looping_layers_do_not()
    {
        var timeline = await BindAsync($$"""
            {"width": 320, "height": 180, "fps": 30, "scenes": [{"duration": "auto", "layers": [
              {"type": "video", "url": "{{clip}}", "loop": true, "mute": true},
              {"type": "audio", "url": "{{sound}}"}]}]}
            """);

        Assert.Equal(24, timeline.TotalFrames);
        var movie = await fixture.RenderAsync(timeline, OutputFormat.Mp4);
        Assert.Equal(24, (await MediaInspector.ProbeAsync(movie)).FrameCount);
    }

    [Theory]
    [InlineData("""[{"type": "video", "url": "a.mp4", "loop": true}, {"type": "audio", "url": "b.wav", "loop": true}]""")]
    [InlineData("""[{"type": "solid", "color": "#ffffff"}]""")]
    [InlineData("""[]""")]
    public void An_auto_scene_without_a_non_looping_video_or_audio_layer_does_not_parse(string layers)
    {
        var parsed = MovieParser.Parse($$"""
            {"width": 320, "height": 180, "scenes": [{"duration": 1}, {"duration": "auto", "layers": {{layers}}}]}
            """);

        Assert.Null(parsed.Movie);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("$.scenes[1].duration", error.Path);
        Assert.Contains("auto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_with_frames_or_another_word_does_not_parse()
    {
        Assert.Contains(
            MovieParser.Parse("""{"scenes": [{"duration": "auto", "frames": 3, "layers": [{"type": "audio", "url": "b.wav"}]}]}""").Errors,
            e => e.Path == "$.scenes[0].duration");
        Assert.Contains(
            MovieParser.Parse("""{"scenes": [{"duration": "audio", "layers": [{"type": "audio", "url": "b.wav"}]}]}""").Errors,
            e => e.Path == "$.scenes[0].duration");
    }

    [Fact]
    public async Task An_auto_scene_whose_media_layers_are_all_switched_off_by_params_is_an_input_error()
    {
        var json = $$"""
            {"width": 320, "height": 180, "fps": 30, "scenes": [{"duration": "auto", "layers": [
              {"type": "audio", "url": "{{sound}}", "condition": "withSound"}]}]}
            """;

        var error = await Assert.ThrowsAsync<RenderInputException>(() => BindAsync(json, new Dictionary<string, string> { ["withSound"] = "false" }));
        Assert.Equal("auto_scene_empty", error.Code);
        Assert.Equal(24, (await BindAsync(json, new Dictionary<string, string> { ["withSound"] = "true" })).TotalFrames);
    }
}
