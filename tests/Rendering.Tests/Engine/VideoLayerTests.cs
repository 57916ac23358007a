using Orleans.Render.Rendering.Compilation;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Video layers: in sync from their start, in-point, loop, fit, frame ranges and stills. Clips are made with ffmpeg.</summary>
public sealed class VideoLayerTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);
    private static readonly (int, int, int) Green = (0, 128, 0);
    private static readonly (int, int, int) Grey = (128, 128, 128);

    private string redThenBlue = "";

    public async Task InitializeAsync()
    {
        // 2 s at 30 fps (not the movie's 25): red for the first second, blue for the second, 16:9.
        redThenBlue = fixture.Media.AddFile("red-blue.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "color=c=red:s=160x90:r=30:d=1", "-f", "lavfi", "-i", "color=c=blue:s=160x90:r=30:d=1",
            "-filter_complex", "[0][1]concat=n=2:v=1:a=0[v]", "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        fixture.Assets.Add(EngineFixture.Project, "stripes.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "color=c=red:s=200x100:r=25:d=1",
            "-vf", "drawbox=x=0:y=0:w=50:h=100:color=green:t=fill,drawbox=x=150:y=0:w=50:h=100:color=blue:t=fill",
            "-c:v", "libx264", "-pix_fmt", "yuv420p"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string SyncMovie => $$"""
        {"width": 320, "height": 180, "fps": 25, "background": "#808080", "scenes": [{"duration": 3, "layers": [
          {"type": "video", "url": "{{redThenBlue}}", "x": 0, "y": 0, "width": 160, "height": 180, "fit": "stretch", "start": 0.4},
          {"type": "video", "url": "{{redThenBlue}}", "x": 160, "y": 0, "width": 160, "height": 180, "fit": "stretch", "in": 0.5, "loop": true}]}]}
        """;

    [Fact]
    public async Task A_video_plays_in_sync_from_its_start_with_its_in_point_and_loop_and_ends_with_its_source()
    {
        var timeline = EngineFixture.Bind(SyncMovie);
        var movie = await fixture.RenderAsync(timeline, OutputFormat.Mp4);
        Assert.Equal(75, (await MediaInspector.ProbeAsync(movie)).FrameCount);

        // Left: starts at frame 10, 1 s red then 1 s blue, then gone. Right: from 0.5 s into the clip, then the whole
        // clip again (0.5 s red, 1 s blue, 1 s red, 1 s blue, …).
        var expectations = new (int Frame, (int, int, int) Left, (int, int, int) Right)[]
        {
            (5, Grey, Red), (15, Red, Blue), (32, Red, Blue), (40, Blue, Red), (58, Blue, Red), (65, Grey, Blue),
        };
        foreach (var (frame, left, right) in expectations)
        {
            var decoded = await MediaInspector.DecodeFrameAsync(movie, frame, 320, 180);
            Assert.True(decoded.IsNear(80, 90, left), $"frame {frame} left is {decoded.At(80, 90)}");
            Assert.True(decoded.IsNear(240, 90, right), $"frame {frame} right is {decoded.At(240, 90)}");
        }
    }

    [Fact]
    public async Task A_segment_starting_mid_video_and_a_still_show_the_same_frames_as_the_whole_movie()
    {
        var timeline = EngineFixture.Bind(SyncMovie);
        var segment = await fixture.RenderAsync(timeline, OutputFormat.Webm, new FrameRange(38, 75));

        foreach (var (frame, left, right) in new[] { (40, Blue, Red), (58, Blue, Red), (65, Grey, Blue) })
        {
            var fromSegment = await MediaInspector.DecodeFrameAsync(segment, frame - 38, 320, 180);
            var still = await fixture.StillAsync(timeline, frame);
            Assert.True(fromSegment.IsNear(80, 90, left) && fromSegment.IsNear(240, 90, right), $"segment frame {frame}: {fromSegment.At(80, 90)} {fromSegment.At(240, 90)}");
            Assert.True(still.IsNear(80, 90, left) && still.IsNear(240, 90, right), $"still {frame}: {still.At(80, 90)} {still.At(240, 90)}");
        }
    }

    [Theory]
    [InlineData("cover", "red", "red", "red", "red")]
    [InlineData("contain", "grey", "green", "blue", "grey")]
    [InlineData("stretch", "green", "green", "blue", "green")]
    public async Task Fit_scales_the_video_into_its_box(string fit, string top, string left, string right, string bottom)
    {
        // A 200x100 clip (green | red | blue columns) into a 100x100 box at (100, 40).
        var timeline = EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "background": "#808080", "scenes": [{"duration": 0.4, "layers": [
              {"type": "video", "url": "stripes.mp4", "fit": "{{fit}}", "x": 100, "y": 40, "width": 100, "height": 100}]}]}
            """);
        var frame = await fixture.StillAsync(timeline, 3);

        foreach (var (x, y, expected) in new[] { (105, 45, top), (105, 90, left), (195, 90, right), (105, 135, bottom) })
        {
            var colour = expected switch { "red" => Red, "green" => Green, "blue" => Blue, _ => Grey };
            Assert.True(frame.IsNear(x, y, colour, 40), $"{fit} at {x},{y} is {frame.At(x, y)}, expected {expected}");
        }

        Assert.True(frame.IsNear(150, 90, Red, 40));
        Assert.True(frame.IsNear(50, 90, Grey), "outside the box");
    }
}
