using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Golden-frame probes for how visual layers look and move: anchor, scale, rotation, opacity, conditions, the predefined
/// animations, keyframes with each easing and shapes. Movies are 320x180 at 25 fps on navy; frames are rendered as
/// stills (which equal the movie's frames) and checked at chosen pixels with a tolerance.
/// </summary>
public sealed class LayerLookRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Navy = (0, 0, 128);
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) White = (255, 255, 255);

    /// <summary>Renders frame <paramref name="frame"/> of a 2 s movie whose only scene holds <paramref name="layers"/>.</summary>
    private async Task<DecodedFrame> FrameAsync(string layers, int frame, Dictionary<string, string>? parameters = null)
    {
        return await fixture.StillAsync(Bind(layers, parameters), frame);
    }

    private static Model.Timeline Bind(string layers, Dictionary<string, string>? parameters = null)
    {
        var parsed = MovieParser.Parse($$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "#000080", "layers": [{{layers}}]}]}""");
        Assert.Empty(parsed.Errors);
        return MovieBinder.Bind(parsed.Movie!, parameters ?? []);
    }

    /// <summary>The red pixels in row <paramref name="y"/>: (first column, count).</summary>
    private static (int First, int Count) RedRun(DecodedFrame frame, int y)
    {
        var columns = Enumerable.Range(0, frame.Width).Where(x => frame.IsNear(x, y, Red, 60)).ToList();
        return columns.Count == 0 ? (-1, 0) : (columns[0], columns.Count);
    }

    private static int RedValue(DecodedFrame frame, int x, int y) => frame.At(x, y).R;

    [Theory]
    [InlineData("top-left", 160, 90)]
    [InlineData("center", 140, 70)]
    [InlineData("bottom-right", 120, 50)]
    [InlineData("top", 140, 90)]
    [InlineData("right", 120, 70)]
    public async Task The_anchor_decides_which_point_of_the_box_x_and_y_place(string anchor, int left, int top)
    {
        var frame = await FrameAsync($$"""{"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 40, "height": 40, "anchor": "{{anchor}}"}""", 5);

        Assert.True(frame.IsNear(left + 20, top + 20, Red), $"{anchor}: the box centre");
        Assert.True(frame.IsNear(left - 4, top + 20, Navy), $"{anchor}: left of the box");
        Assert.True(frame.IsNear(left + 44, top + 20, Navy), $"{anchor}: right of the box");
        Assert.True(frame.IsNear(left + 20, top - 4, Navy), $"{anchor}: above the box");
    }

    [Fact]
    public async Task Scale_grows_the_box_around_its_anchor()
    {
        var topLeft = await FrameAsync("""{"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 40, "height": 40, "scale": 2}""", 5);
        Assert.True(topLeft.IsNear(175, 125, Red));
        Assert.True(topLeft.IsNear(185, 70, Navy));

        var centred = await FrameAsync("""{"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 40, "height": 40, "scale": 0.5, "anchor": "center"}""", 5);
        var (first, count) = RedRun(centred, 90);
        Assert.InRange(count, 18, 22);
        Assert.InRange(first, 148, 152);
    }

    [Theory]
    [InlineData("""{"type": "text", "text": "Sharp", "fontSize": 14, "x": 10, "y": 10, "width": 100, "height": 40, "scale": 3, "outline": {"color": "#000", "width": 1}}""",
                """{"type": "text", "text": "Sharp", "fontSize": 42, "x": 10, "y": 10, "width": 300, "height": 120, "outline": {"color": "#000", "width": 3}}""")]
    [InlineData("""{"type": "shape", "fill": "#ff0000", "stroke": "#ffffff", "strokeWidth": 2, "cornerRadius": 8, "x": 10, "y": 10, "width": 100, "height": 50, "scale": 3}""",
                """{"type": "shape", "fill": "#ff0000", "stroke": "#ffffff", "strokeWidth": 6, "cornerRadius": 24, "x": 10, "y": 10, "width": 300, "height": 150}""")]
    public async Task Scaled_text_and_shapes_are_drawn_at_their_size_not_enlarged(string scaled, string drawnBig)
    {
        var small = await FrameAsync(scaled, 5);
        var big = await FrameAsync(drawnBig, 5);

        // Enlarging a small rendering would blur every edge; drawing at the scaled size matches the big drawing.
        var differing = small.Rgb.Zip(big.Rgb, (a, b) => Math.Abs(a - b) > 48).Count(d => d);
        Assert.True(differing < 300, $"{differing} channel values differ");
    }

    [Fact]
    public async Task Rotation_turns_the_box_clockwise_around_its_anchor()
    {
        var centred = await FrameAsync("""{"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 100, "height": 16, "anchor": "center", "rotation": 90}""", 5);
        Assert.True(centred.IsNear(160, 130, Red), "a horizontal bar turned 90° stands upright");
        Assert.True(centred.IsNear(200, 90, Navy));

        // Around the top-left corner, 90° clockwise swings the bar down and to the left of x.
        var corner = await FrameAsync("""{"type": "solid", "color": "#ff0000", "x": 160, "y": 40, "width": 100, "height": 16, "rotation": 90}""", 5);
        Assert.True(corner.IsNear(152, 120, Red));
        Assert.True(corner.IsNear(168, 120, Navy));
        Assert.True(corner.IsNear(200, 48, Navy));
    }

    [Fact]
    public async Task Opacity_multiplies_the_layer_alpha()
    {
        var frame = await FrameAsync("""{"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 40, "height": 40, "opacity": 0.5}""", 5);

        Assert.True(frame.IsNear(120, 70, (128, 0, 64), 16), $"{frame.At(120, 70)}");
    }

    [Theory]
    [InlineData("show", "yes", true)]
    [InlineData("show", "no", false)]
    [InlineData("show", "0", false)]
    [InlineData("show", null, false)]
    [InlineData("!show", null, true)]
    [InlineData("!show", "true", false)]
    public async Task A_condition_draws_the_layer_only_when_its_param_is_truthy(string condition, string? value, bool drawn)
    {
        var parameters = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["show"] = value };
        var frame = await FrameAsync($$"""{"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 40, "height": 40, "condition": "{{condition}}"}""", 5, parameters);

        Assert.True(frame.IsNear(120, 70, drawn ? Red : Navy));
    }

    [Theory]
    [InlineData("linear", 102)]
    [InlineData("ease-in", 41)]
    [InlineData("ease-out", 163)]
    [InlineData("ease-in-out", 90)]
    public async Task Fade_in_animations_follow_their_easing(string easing, int red)
    {
        // At frame 10 of a 25-frame fade, u = 0.4: linear 0.4, ease-in 0.16, ease-out 0.64, smoothstep 0.352.
        var frame = await FrameAsync($$"""{"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 40, "height": 40, "animations": [{"type": "fadein", "duration": 1, "easing": "{{easing}}"}]}""", 10);

        Assert.InRange(RedValue(frame, 120, 70), red - 14, red + 14);
    }

    [Fact]
    public async Task A_fade_out_animation_reaches_transparency_as_the_layer_ends()
    {
        var layer = """{"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 40, "height": 40, "animations": [{"type": "fadeout", "duration": 1, "easing": "ease-out"}]}""";
        Assert.True((await FrameAsync(layer, 20)).IsNear(120, 70, Red));
        // Frame 35 is u = 0.4 into the fade-out: ease-out gives 0.64 of the way to transparent.
        Assert.InRange(RedValue(await FrameAsync(layer, 35), 120, 70), 92 - 14, 92 + 14);
        Assert.InRange(RedValue(await FrameAsync(layer, 49), 120, 70), 0, 20);
    }

    [Theory]
    [InlineData("slidein", "left", 10, 32, 70)]
    [InlineData("slidein", "right", 10, 248, 70)]
    [InlineData("slidein", "up", 10, 140, 4)]
    [InlineData("slidein", "down", 10, 140, 136)]
    [InlineData("slideout", "left", 35, 68, 70)]
    [InlineData("slideout", "right", 35, 212, 70)]
    [InlineData("slideout", "up", 35, 140, 26)]
    [InlineData("slideout", "down", 35, 140, 114)]
    public async Task Slides_move_the_box_in_from_and_out_to_the_frame_edge(string type, string direction, int at, int left, int top)
    {
        // The box rests at 140,70 (40x40). A slide travels from/to just outside the frame: 180 px sideways, 110 px up,
        // 110 px down. At 0.4 of a linear 1 s slide, 0.6 (in) or 0.4 (out) of that distance remains.
        var layer = $$"""{"type": "solid", "color": "#ff0000", "x": 140, "y": 70, "width": 40, "height": 40, "animations": [{"type": "{{type}}", "direction": "{{direction}}", "duration": 1}]}""";
        var frame = await FrameAsync(layer, at);

        Assert.True(frame.IsNear(left + 20, top + 20, Red), $"{type} {direction}: centre {left + 20},{top + 20} is {frame.At(left + 20, top + 20)}");
        Assert.True(left - 6 < 0 || frame.IsNear(left - 6, top + 20, Navy));
        Assert.True(top - 6 < 0 || frame.IsNear(left + 20, top - 6, Navy));
        if (left != 140 || top != 70)
        {
            Assert.True(frame.IsNear(160, 90, Navy) || Math.Abs(left - 140) < 30 && Math.Abs(top - 70) < 30, "the box is not at rest yet");
        }

        var rest = await FrameAsync(layer, type == "slidein" ? 26 : 24);
        Assert.True(rest.IsNear(160, 90, Red));
    }

    [Fact]
    public async Task Zoom_scales_an_image_inside_its_box_like_ken_burns()
    {
        // The 64x64 logo is contained in a 128x64 box (32 px transparent each side); zooming to 2x fills the box.
        var layer = $$"""{"type": "image", "url": "{{fixture.Media.Url("logo.png")}}", "x": 96, "y": 58, "width": 128, "height": 64, "animations": [{"type": "zoom", "from": 1, "to": 2}]}""";
        var first = await FrameAsync(layer, 0);
        var last = await FrameAsync(layer, 49);
        var middle = await FrameAsync(layer, 25);

        Assert.True(first.IsNear(160, 90, ImageServer.LogoColour));
        Assert.True(first.IsNear(106, 90, Navy));
        Assert.True(last.IsNear(106, 90, ImageServer.LogoColour), $"{last.At(106, 90)}");
        Assert.True(last.IsNear(90, 90, Navy), "the zoom stays inside the box");
        Assert.True(last.IsNear(160, 54, Navy), "the zoom stays inside the box");
        // Half way (zoom 1.5) the logo is 96 px wide: 112..208.
        Assert.True(middle.IsNear(118, 90, ImageServer.LogoColour));
        Assert.True(middle.IsNear(104, 90, Navy));
    }

    [Fact]
    public async Task Zoom_grows_steadily_around_the_box_centre_without_jitter()
    {
        var timeline = Bind($$"""{"type": "image", "url": "{{fixture.Media.Url("logo.png")}}", "x": 96, "y": 58, "width": 128, "height": 64, "animations": [{"type": "zoom", "from": 1, "to": 2}]}""");
        var output = Path.Combine(fixture.Work, $"zoom-{Guid.NewGuid():N}.gif");
        await fixture.Engine.RenderAsync(
            timeline, "p1", new FrameRange(0, 50), new OutputSpec(OutputFormat.Gif), output, null, CancellationToken.None);

        var previous = 0;
        for (var index = 0; index < 50; index++)
        {
            var frame = await MediaInspector.DecodeFrameAsync(output, index, 320, 180);
            var columns = Enumerable.Range(0, 320).Where(x => frame.IsNear(x, 90, ImageServer.LogoColour, 40)).ToList();
            var (left, right) = (columns.Min(), columns.Max());
            // Edges are soft (scaling, and chroma at half resolution), so allow a couple of pixels either way.
            Assert.True(Math.Abs(left + right - 319) <= 4, $"frame {index}: {left}..{right}");
            Assert.True(columns.Count - previous is >= -2 and <= 4 || index == 0, $"frame {index}: {previous} then {columns.Count}");
            previous = columns.Count;
        }

        Assert.InRange(previous, 124, 128);
    }

    [Theory]
    [InlineData("linear", 80)]
    [InlineData("ease-in", 32)]
    [InlineData("ease-out", 128)]
    [InlineData("ease-in-out", 70)]
    public async Task Position_keyframes_follow_their_easing(string easing, int x)
    {
        var frame = await FrameAsync($$"""{"type": "solid", "color": "#ff0000", "y": 80, "width": 20, "height": 20, "keyframes": [{"time": 0, "x": 0, "easing": "{{easing}}"}, {"time": 1, "x": 200}]}""", 10);

        Assert.InRange(RedRun(frame, 90).First, x - 2, x + 2);
    }

    [Theory]
    [InlineData("linear", 72)]
    [InlineData("ease-in", 53)]
    [InlineData("ease-out", 91)]
    [InlineData("ease-in-out", 68)]
    public async Task Scale_keyframes_follow_their_easing_around_the_anchor(string easing, int width)
    {
        // 40 px growing to 120 px: at u = 0.4 the scale is 1 + 2·ease(0.4).
        var frame = await FrameAsync($$"""{"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 40, "height": 40, "anchor": "center", "keyframes": [{"time": 0, "scale": 1, "easing": "{{easing}}"}, {"time": 1, "scale": 3}]}""", 10);
        var (first, count) = RedRun(frame, 90);

        Assert.InRange(count, width - 3, width + 3);
        Assert.InRange(first + (count / 2.0), 157, 163);
    }

    [Theory]
    [InlineData("linear", 36)]
    [InlineData("ease-in", 14.4)]
    [InlineData("ease-out", 57.6)]
    [InlineData("ease-in-out", 31.68)]
    public async Task Rotation_keyframes_follow_their_easing(string easing, double degrees)
    {
        var frame = await FrameAsync($$"""{"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 100, "height": 8, "anchor": "center", "keyframes": [{"time": 0, "rotation": 0, "easing": "{{easing}}"}, {"time": 1, "rotation": 90}]}""", 10);
        var radians = degrees * Math.PI / 180;
        var (x, y) = ((int)Math.Round(160 + (40 * Math.Cos(radians))), (int)Math.Round(90 + (40 * Math.Sin(radians))));
        var (ox, oy) = ((int)Math.Round(160 + (40 * Math.Cos(radians + 0.35))), (int)Math.Round(90 + (40 * Math.Sin(radians + 0.35))));

        Assert.True(frame.IsNear(x, y, Red, 60), $"on the bar at {degrees}°: {frame.At(x, y)}");
        Assert.True(frame.IsNear(ox, oy, Navy, 60), $"20° further is off the bar: {frame.At(ox, oy)}");
    }

    [Theory]
    [InlineData("linear", 102)]
    [InlineData("ease-in", 41)]
    [InlineData("ease-out", 163)]
    [InlineData("ease-in-out", 90)]
    public async Task Opacity_keyframes_follow_their_easing(string easing, int red)
    {
        var frame = await FrameAsync($$"""{"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 40, "height": 40, "keyframes": [{"time": 0, "opacity": 0, "easing": "{{easing}}"}, {"time": 1, "opacity": 1}]}""", 10);

        Assert.InRange(RedValue(frame, 120, 70), red - 14, red + 14);
    }

    [Fact]
    public async Task Rectangles_round_their_corners_and_ellipses_stay_inside_their_box()
    {
        var frame = await FrameAsync("""
            {"type": "shape", "shape": "rectangle", "fill": "#ff0000", "x": 20, "y": 20, "width": 100, "height": 60},
            {"type": "shape", "shape": "rectangle", "fill": "#ff0000", "cornerRadius": 20, "x": 200, "y": 20, "width": 100, "height": 60},
            {"type": "shape", "shape": "ellipse", "fill": "#ff0000", "x": 20, "y": 100, "width": 100, "height": 60},
            {"type": "shape", "fill": "#ff0000", "stroke": "#ffffff", "strokeWidth": 6, "x": 200, "y": 100, "width": 100, "height": 60}
            """, 5);

        Assert.True(frame.IsNear(22, 22, Red), "a square corner is filled");
        Assert.True(frame.IsNear(202, 22, Navy), "a rounded corner is not");
        Assert.True(frame.IsNear(250, 50, Red));
        Assert.True(frame.IsNear(212, 50, Red), "the rounded rectangle is full between its corners");
        Assert.True(frame.IsNear(70, 130, Red), "the ellipse's centre");
        Assert.True(frame.IsNear(24, 104, Navy), "outside the ellipse, inside its box");
        Assert.True(frame.IsNear(70, 103, Red), "the ellipse touches the top of its box");
        Assert.True(frame.IsNear(202, 130, White), "the stroke");
        Assert.True(frame.IsNear(250, 130, Red), "the fill inside the stroke");
    }

    [Fact]
    public async Task A_segment_with_animations_renders_exactly_the_frames_of_the_whole_movie()
    {
        var timeline = Bind($$"""
            {"type": "image", "url": "{{fixture.Media.Url("logo.png")}}", "x": 96, "y": 58, "width": 128, "height": 64, "animations": [{"type": "zoom", "to": 1.5}, {"type": "slidein", "direction": "left", "duration": 0.8, "easing": "ease-out"}]},
            {"type": "shape", "shape": "ellipse", "fill": "#ff0000", "x": 40, "y": 20, "width": 60, "height": 60, "anchor": "center", "keyframes": [{"time": 0.2, "rotation": 0, "scale": 1, "opacity": 0.3, "easing": "ease-in-out"}, {"time": 1.6, "rotation": 180, "scale": 1.5, "opacity": 1}]},
            {"type": "solid", "color": "#ffffff", "x": 300, "y": 150, "width": 20, "height": 20, "rotation": 30, "animations": [{"type": "fadein", "duration": 1, "easing": "ease-in"}, {"type": "slideout", "direction": "down", "duration": 0.6}]}
            """);
        var engine = fixture.Engine;
        // GIF quantises each frame on its own, so equal pictures give equal pixels: no encoder noise to tolerate.
        var whole = Path.Combine(fixture.Work, $"whole-{Guid.NewGuid():N}.gif");
        var part = Path.Combine(fixture.Work, $"part-{Guid.NewGuid():N}.gif");
        await engine.RenderAsync(timeline, "p1", new FrameRange(0, 50), new OutputSpec(OutputFormat.Gif), whole, null, CancellationToken.None);
        await engine.RenderAsync(timeline, "p1", new FrameRange(13, 43), new OutputSpec(OutputFormat.Gif), part, null, CancellationToken.None);

        var shifted = 0;
        foreach (var index in new[] { 0, 7, 16, 28 })
        {
            var fromPart = await MediaInspector.DecodeFrameAsync(part, index, 320, 180);
            var fromWhole = await MediaInspector.DecodeFrameAsync(whole, 13 + index, 320, 180);
            var nextOfWhole = await MediaInspector.DecodeFrameAsync(whole, 14 + index, 320, 180);
            // A few anti-aliased edge pixels may land on another palette entry; a frame off in time differs in thousands.
            var differing = Differing(fromPart, fromWhole);
            Assert.True(differing <= 24, $"frame {13 + index}: {differing} channel values differ by more than 8");
            shifted += Differing(fromPart, nextOfWhole);
        }

        Assert.True(shifted > 1000, $"the probe can see a one-frame shift ({shifted} values)");
    }

    private static int Differing(DecodedFrame a, DecodedFrame b) => a.Rgb.Zip(b.Rgb, (x, y) => Math.Abs(x - y) > 8).Count(d => d);
}
