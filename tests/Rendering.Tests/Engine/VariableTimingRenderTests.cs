using Orleans.Render.Rendering.Compilation;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Timings from params, in decoded frames: where a scene of a param's length ends, and which source frame a param's in-point shows.</summary>
public sealed class VariableTimingRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Green = (0, 255, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);

    private string clip = "";

    public async Task InitializeAsync() =>
        // Red for its first half second, green after.
        clip = fixture.Media.AddFile("halves.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "color=c=red:s=160x90:r=25:d=1", "-vf", "drawbox=x=0:y=0:w=iw:h=ih:color=lime:t=fill:enable='gte(t,0.5)'",
            "-c:v", "libx264", "-pix_fmt", "yuv420p"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_next_scene_starts_at_the_frame_the_length_param_gives_and_the_video_shows_the_param_in_point()
    {
        var movie = $$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": "${intro, 1}", "background": "#0000ff", "layers": [
                {"type": "video", "url": "{{clip}}", "in": "${skip, 0}", "width": 160, "height": 90, "fit": "stretch"}]},
              {"frames": 5, "background": "#00ff00"}]}
            """;

        var timeline = EngineFixture.Bind(movie, new Dictionary<string, string> { ["intro"] = "0.4", ["skip"] = "0.6" });
        var rendered = await fixture.RenderAsync(timeline, OutputFormat.Mp4);

        Assert.Equal(15, (await MediaInspector.ProbeAsync(rendered)).FrameCount);
        var first = await MediaInspector.DecodeFrameAsync(rendered, 0, 320, 180);
        Assert.True(first.IsNear(80, 45, Green) && first.IsNear(240, 135, Blue), $"frame 0: video {first.At(80, 45)}, background {first.At(240, 135)}");
        Assert.True((await MediaInspector.DecodeFrameAsync(rendered, 9, 320, 180)).IsNear(240, 135, Blue));
        Assert.True((await MediaInspector.DecodeFrameAsync(rendered, 10, 320, 180)).IsNear(240, 135, Green));

        var defaults = await fixture.StillAsync(EngineFixture.Bind(movie), 0);
        Assert.True(defaults.IsNear(80, 45, Red), $"the default in-point 0 shows red, got {defaults.At(80, 45)}");
    }
}
