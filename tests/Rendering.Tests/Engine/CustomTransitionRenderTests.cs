using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Custom transitions compose their own layers, two of which show the scenes they join, frame for frame.</summary>
public sealed class CustomTransitionRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Green = (0, 255, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);
    private static readonly (int, int, int) White = (255, 255, 255);

    /// <summary>
    /// Red 1 s (a green corner from its frame 20) into blue 1 s over a 10-frame custom transition (movie frames 15–24):
    /// the red scene fills the frame, the blue one plays in the centre quarter, a white bar lies over both.
    /// </summary>
    private const string PictureInPicture = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"id": "s1", "duration": 1, "background": "#ff0000", "layers": [
            {"type": "solid", "color": "#00ff00", "width": 80, "height": 45, "start": 0.8}]},
          {"id": "s2", "duration": 1, "background": "#0000ff", "transition": {"type": "custom", "duration": 0.4, "layers": [
            {"type": "scene", "ref": "s1"},
            {"type": "scene", "ref": "next", "x": 80, "y": 45, "width": 160, "height": 90},
            {"type": "solid", "color": "#ffffff", "y": 160, "height": 20}]}}]}
        """;

    [Fact]
    public async Task A_custom_transition_shows_both_scenes_live_through_its_own_layers_and_nothing_outside_it()
    {
        var timeline = EngineFixture.Bind(PictureInPicture);
        Assert.Equal(40, timeline.TotalFrames);
        var movie = await fixture.RenderAsync(timeline, OutputFormat.Mp4);

        var expectations = new (int Frame, int X, int Y, (int, int, int) Colour)[]
        {
            (14, 160, 90, Red), (14, 160, 170, Red),
            (15, 20, 120, Red), (15, 160, 90, Blue), (15, 160, 170, White),
            (17, 20, 20, Red),
            (20, 20, 20, Green), (20, 20, 120, Red), (20, 160, 90, Blue), (20, 300, 170, White),
            (24, 160, 90, Blue), (24, 20, 120, Red),
            (25, 20, 120, Blue), (25, 160, 170, Blue), (25, 20, 20, Blue),
        };
        foreach (var (frame, x, y, colour) in expectations)
        {
            var decoded = await MediaInspector.DecodeFrameAsync(movie, frame, 320, 180);
            Assert.True(decoded.IsNear(x, y, colour, 30), $"frame {frame} at {x},{y} is {decoded.At(x, y)}, expected {colour}");
        }
    }

    [Fact]
    public async Task A_neighbour_can_be_animated_and_stills_and_segments_inside_the_transition_equal_the_whole_movie()
    {
        // The next scene grows from the centre: scale keyframes on a 'scene' layer anchored at the centre.
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1, "background": "#ff0000"},
              {"duration": 1, "background": "#0000ff", "transition": {"type": "custom", "duration": 0.4, "background": "#000000", "layers": [
                {"type": "scene", "ref": "previous"},
                {"type": "scene", "ref": "next", "anchor": "center", "x": 160, "y": 90,
                 "keyframes": [{"time": 0, "scale": 0.1}, {"time": 0.36, "scale": 1}]}]}}]}
            """);
        var whole = await fixture.RenderAsync(timeline, OutputFormat.Mp4);
        var segment = await fixture.RenderAsync(timeline, OutputFormat.Mp4, new FrameRange(18, 30));

        var early = await fixture.StillAsync(timeline, 16);
        Assert.True(early.IsNear(160, 90, Blue, 30) && early.IsNear(100, 90, Red, 30), $"early: centre {early.At(160, 90)}, side {early.At(100, 90)}");
        var late = await fixture.StillAsync(timeline, 24);
        Assert.True(late.IsNear(20, 20, Blue, 30), $"grown: corner {late.At(20, 20)}");
        foreach (var frame in new[] { 18, 20, 23 })
        {
            var still = await fixture.StillAsync(timeline, frame);
            var fromWhole = await MediaInspector.DecodeFrameAsync(whole, frame, 320, 180);
            var fromSegment = await MediaInspector.DecodeFrameAsync(segment, frame - 18, 320, 180);
            foreach (var (x, y) in new[] { (20, 20), (100, 90), (160, 90), (230, 120) })
            {
                Assert.True(fromWhole.IsNear(x, y, still.At(x, y), 30), $"frame {frame} at {x},{y}: whole {fromWhole.At(x, y)}, still {still.At(x, y)}");
                Assert.True(fromSegment.IsNear(x, y, still.At(x, y), 30), $"frame {frame} at {x},{y}: segment {fromSegment.At(x, y)}, still {still.At(x, y)}");
            }
        }
    }
}
