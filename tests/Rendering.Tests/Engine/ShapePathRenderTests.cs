using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Shapes drawn from SVG path data and polygon points: decoded pixels inside, outside and on the outline.</summary>
public sealed class ShapePathRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Green = (0, 255, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);

    [Fact]
    public async Task Polygons_and_paths_are_filled_and_stroked_inside_their_box_and_drawn_at_their_scale()
    {
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "background": "#0000ff", "layers": [
              {"type": "shape", "points": "0,0 100,0 0,100", "fill": "#ff0000", "width": 100, "height": 100},
              {"type": "shape", "path": "M 200 20 h 100 v 60 h -100 Z", "fill": "#00000000", "stroke": "#00ff00", "strokeWidth": 10},
              {"type": "shape", "path": "M0 0 C 0 0 50 0 50 0 L 25 25 Z", "fill": "#ff0000", "x": 0, "y": 120, "width": 50, "height": 25, "scale": 2}]}]}
            """);
        var frame = await fixture.StillAsync(timeline, 10);

        var expectations = new (int X, int Y, (int, int, int) Colour)[]
        {
            (20, 20, Red), (80, 80, Blue), (45, 45, Red), (60, 60, Blue),
            (200, 50, Green), (250, 20, Green), (300, 50, Green), (250, 80, Green), (250, 50, Blue), (250, 100, Blue),
            (50, 130, Red), (5, 165, Blue), (100, 175, Blue), (190, 130, Blue),
        };
        foreach (var (x, y, colour) in expectations)
        {
            Assert.True(frame.IsNear(x, y, colour, 40), $"{x},{y} is {frame.At(x, y)}, expected {colour}");
        }
    }
}
