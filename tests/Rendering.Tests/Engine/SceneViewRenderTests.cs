using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Conventions;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Scene views show defined scenes inside a layer's box: decoded pixels at chosen frames.</summary>
public sealed class SceneViewRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Black = (0, 0, 0);
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Green = (0, 255, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);
    private static readonly (int, int, int) White = (255, 255, 255);

    /// <summary>
    /// "card" (10 frames: green, red left half) then "blue" (10 frames) shown in the bottom-right quarter from frame 5;
    /// the view lasts their 20 frames and ends at frame 25.
    /// </summary>
    private const string TwoDefinitionsInAQuarter = """
        {"width": 320, "height": 180, "fps": 25,
         "sceneDefinitions": [
           {"id": "card", "frames": 10, "background": "#00ff00", "layers": [
             {"type": "solid", "color": "#ff0000", "width": 160, "height": 180}]},
           {"id": "blue", "frames": 10, "background": "#0000ff"}],
         "scenes": [
           {"duration": 2, "background": "#000000", "layers": [
             {"type": "sceneview", "scenes": ["card", "blue"], "x": 160, "y": 90, "width": 160, "height": 90, "start": 0.2}]}]}
        """;

    [Fact]
    public async Task A_view_plays_its_scenes_in_turn_scaled_into_its_box_for_their_natural_length()
    {
        var timeline = EngineFixture.Bind(TwoDefinitionsInAQuarter);
        var movie = await fixture.RenderAsync(timeline, OutputFormat.Mp4);

        var expectations = new (int Frame, int X, int Y, (int, int, int) Colour)[]
        {
            (2, 240, 135, Black),
            (8, 200, 135, Red), (8, 280, 135, Green), (8, 80, 45, Black),
            (14, 200, 135, Red),
            (15, 200, 135, Blue), (24, 280, 135, Blue),
            (25, 240, 135, Black), (40, 240, 135, Black),
        };
        foreach (var (frame, x, y, colour) in expectations)
        {
            var decoded = await MediaInspector.DecodeFrameAsync(movie, frame, 320, 180);
            Assert.True(decoded.IsNear(x, y, colour, 30), $"frame {frame} at {x},{y} is {decoded.At(x, y)}, expected {colour}");
        }
    }

    [Fact]
    public async Task Views_nest_take_scenes_written_in_place_and_keep_their_own_opacity_and_timing()
    {
        // "frame" holds a view of "dot" (white 40x40 at its centre): a view inside a view. The top scene shows "frame"
        // full size and, in the top-left quarter, a scene written in place at half opacity over blue.
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25,
             "sceneDefinitions": [
               {"id": "dot", "frames": 50, "background": "#000000", "layers": [
                 {"type": "solid", "color": "#ffffff", "x": 140, "y": 70, "width": 40, "height": 40}]},
               {"id": "frame", "frames": 50, "background": "#00ff00", "layers": [
                 {"type": "sceneview", "scenes": ["dot"], "x": 80, "y": 45, "width": 160, "height": 90}]}],
             "scenes": [
               {"duration": 1, "background": "#0000ff", "layers": [
                 {"type": "sceneview", "scenes": ["frame"]},
                 {"type": "sceneview", "width": 160, "height": 90, "opacity": 0.5, "duration": 0.4,
                  "scenes": [{"frames": 25, "background": "#ff0000"}]}]}]}
            """);
        var early = await fixture.StillAsync(timeline, 5);
        var late = await fixture.StillAsync(timeline, 15);

        Assert.True(early.IsNear(160, 90, White, 30), $"the nested dot at the centre is {early.At(160, 90)}");
        Assert.True(early.IsNear(200, 110, Black, 30), $"the inner view's background is {early.At(200, 110)}");
        Assert.True(early.IsNear(300, 170, Green, 30), $"the outer view's background is {early.At(300, 170)}");
        Assert.True(early.IsNear(20, 20, (128, 128, 0), 40), $"the half-opaque red view over green is {early.At(20, 20)}");
        Assert.True(late.IsNear(20, 20, Green, 30), $"after its 10 frames the in-place view is gone: {late.At(20, 20)}");
    }

    [Fact]
    public async Task A_segment_starting_inside_a_view_shows_the_frames_of_the_whole_movie()
    {
        var timeline = EngineFixture.Bind(TwoDefinitionsInAQuarter);
        var whole = await fixture.RenderAsync(timeline, OutputFormat.Mp4);
        var segment = await fixture.RenderAsync(timeline, OutputFormat.Mp4, new FrameRange(12, 30));

        Assert.Equal(18, (await MediaInspector.ProbeAsync(segment)).FrameCount);
        foreach (var frame in new[] { 12, 14, 15, 20, 26 })
        {
            var fromWhole = await MediaInspector.DecodeFrameAsync(whole, frame, 320, 180);
            var fromSegment = await MediaInspector.DecodeFrameAsync(segment, frame - 12, 320, 180);
            foreach (var (x, y) in new[] { (200, 135), (280, 135), (80, 45) })
            {
                Assert.True(fromSegment.IsNear(x, y, fromWhole.At(x, y), 20), $"frame {frame} at {x},{y}: segment {fromSegment.At(x, y)}, whole {fromWhole.At(x, y)}");
            }
        }
    }
}
