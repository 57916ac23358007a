using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Golden-frame probes for blend modes and layer filters: 320x180 stills at 25 fps, checked at chosen pixels with a
/// tolerance (the still is encoded through yuv420p, so colours move by a few levels).
/// </summary>
public sealed class LayerEffectsRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Navy = (0, 0, 128);

    private async Task<DecodedFrame> FrameAsync(string layers, string background = "#000080", int frame = 5)
    {
        var parsed = MovieParser.Parse(
            $$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "{{background}}", "layers": [{{layers}}]}]}""");
        Assert.Empty(parsed.Errors);
        return await fixture.StillAsync(MovieBinder.Bind(parsed.Movie!, new Dictionary<string, string>()), frame);
    }

    /// <summary>A #bfbfbf box over #404040 (0.75 over 0.25): the textbook results, soft light by ffmpeg's formula.</summary>
    [Theory]
    [InlineData("normal", 191)]
    [InlineData("multiply", 48)]
    [InlineData("screen", 207)]
    [InlineData("overlay", 96)]
    [InlineData("hardlight", 159)]
    [InlineData("softlight", 87)]
    public async Task A_blend_mode_mixes_the_layer_with_what_is_below_it(string mode, int expected)
    {
        var frame = await FrameAsync(
            $$"""{"type": "solid", "color": "#bfbfbf", "x": 100, "y": 50, "width": 100, "height": 80, "blend": "{{mode}}"}""", "#404040");

        Assert.True(frame.IsNear(150, 90, (expected, expected, expected), 6), $"{mode}: {frame.At(150, 90)}");
        Assert.True(frame.IsNear(50, 90, (64, 64, 64), 6), $"{mode} outside the box: {frame.At(50, 90)}");
    }

    [Fact]
    public async Task Multiply_works_on_colours_not_on_luma_and_chroma()
    {
        var frame = await FrameAsync("""{"type": "solid", "color": "#ff0000", "blend": "multiply"}""", "#808080");

        Assert.True(frame.IsNear(160, 90, (128, 0, 0), 12), $"{frame.At(160, 90)}");
    }

    [Fact]
    public async Task A_blended_layer_keeps_its_opacity_and_its_position()
    {
        var frame = await FrameAsync(
            """{"type": "solid", "color": "#000000", "x": 160, "y": 90, "width": 60, "height": 60, "anchor": "center", "opacity": 0.5, "blend": "screen", "rotation": 45}""",
            "#808080");

        Assert.True(frame.IsNear(160, 90, (128, 128, 128), 8), "screen with black changes nothing");
        var multiplied = await FrameAsync(
            """{"type": "solid", "color": "#000000", "x": 160, "y": 90, "width": 60, "height": 60, "anchor": "center", "opacity": 0.5, "blend": "multiply", "rotation": 45}""",
            "#808080");
        Assert.True(multiplied.IsNear(160, 90, (64, 64, 64), 8), $"half of black multiplied: {multiplied.At(160, 90)}");
        Assert.True(multiplied.IsNear(160, 90 - 38, (64, 64, 64), 10), $"the turned corner reaches up: {multiplied.At(160, 52)}");
        Assert.True(multiplied.IsNear(160 + 30, 90 - 30, (128, 128, 128), 8), "the box's own corner turned away");
    }

    [Fact]
    public async Task Saturation_zero_makes_the_layer_grey()
    {
        var frame = await FrameAsync("""{"type": "solid", "color": "#ff0000", "width": 100, "height": 100, "filters": [{"type": "saturation", "value": 0}]}""");

        var (r, g, b) = frame.At(50, 50);
        Assert.True(Math.Abs(r - g) < 12 && Math.Abs(g - b) < 12, $"grey: {(r, g, b)}");
        Assert.InRange(r, 60, 100);
        Assert.True(frame.IsNear(200, 50, Navy), "the scene around it keeps its colour");
    }

    [Fact]
    public async Task Brightness_and_contrast_move_the_levels()
    {
        var brighter = await FrameAsync("""{"type": "solid", "color": "#404040", "filters": [{"type": "brightness", "value": 0.3}]}""");
        Assert.InRange(brighter.At(160, 90).R, 120, 170);

        var dark = await FrameAsync("""{"type": "solid", "color": "#606060", "filters": [{"type": "contrast", "value": 2}]}""");
        var light = await FrameAsync("""{"type": "solid", "color": "#a0a0a0", "filters": [{"type": "contrast", "value": 2}]}""");
        Assert.InRange(dark.At(160, 90).R, 0, 75);
        Assert.InRange(light.At(160, 90).R, 185, 255);
    }

    [Fact]
    public async Task Blur_softens_an_edge_and_its_transparency()
    {
        // A white disc of radius 60 centred on (100, 90): on its diagonal, (55, 45) is 4 px outside it and (60, 50) 4 px inside.
        const string disc = """{"type": "shape", "shape": "ellipse", "fill": "#ffffff", "x": 40, "y": 30, "width": 120, "height": 120""";
        var sharp = await FrameAsync(disc + "}");
        var blurred = await FrameAsync(disc + """, "filters": [{"type": "blur", "radius": 16}]}""");

        Assert.True(sharp.IsNear(55, 45, Navy, 20) && sharp.IsNear(60, 50, (255, 255, 255), 20), $"unblurred: {sharp.At(55, 45)}, {sharp.At(60, 50)}");
        var outside = blurred.At(55, 45);
        Assert.True(outside.R is > 25 and < 200 && Math.Abs(outside.R - outside.G) < 12 && outside.B > outside.R, $"white spreads over the navy, no dark fringe: {outside}");
        Assert.InRange(blurred.At(60, 50).R, 100, 240);
        Assert.True(blurred.IsNear(100, 90, (255, 255, 255), 20), "the middle stays white");
    }

    [Fact]
    public async Task A_vignette_darkens_the_corners()
    {
        var frame = await FrameAsync("""{"type": "solid", "color": "#ffffff", "filters": [{"type": "vignette", "strength": 1}]}""");

        Assert.True(frame.At(160, 90).R > 220, $"centre {frame.At(160, 90)}");
        Assert.True(frame.At(3, 3).R < 140, $"corner {frame.At(3, 3)}");
    }

    [Fact]
    public async Task A_glow_lights_the_space_around_the_layer()
    {
        const string dot = """{"type": "shape", "shape": "ellipse", "fill": "#ffff00", "x": 110, "y": 40, "width": 100, "height": 100""";
        var plain = await FrameAsync(dot + "}", "#000000");
        var glowing = await FrameAsync(dot + """, "filters": [{"type": "glow", "radius": 24, "strength": 1}]}""", "#000000");

        Assert.True(plain.At(116, 45).R < 10, $"the box's corner is empty without glow: {plain.At(116, 45)}");
        var halo = glowing.At(116, 45);
        Assert.True(halo.R > 25 && halo.G > 25 && halo.B < halo.R / 2, $"the yellow glow reaches the corner: {halo}");
        Assert.True(glowing.IsNear(160, 90, (255, 255, 0), 20), "the layer itself is unchanged");
        Assert.True(glowing.At(20, 20).R < 10, "outside the box nothing changes");
    }

    [Fact]
    public async Task A_lut_asset_grades_the_colours()
    {
        // Swaps red and blue: a red box turns blue.
        fixture.Assets.Add(EngineFixture.Project, "swap.cube", System.Text.Encoding.ASCII.GetBytes(Assets.CubeLutTests.Table(9, (r, g, b) => (b, g, r))));
        var frame = await FrameAsync("""{"type": "solid", "color": "#ff0000", "width": 100, "height": 100, "filters": [{"type": "lut", "url": "swap.cube"}]}""");

        Assert.True(frame.IsNear(50, 50, (0, 0, 255), 20), $"{frame.At(50, 50)}");
        Assert.True(frame.IsNear(200, 50, Navy), "the scene around it is not graded");
    }

    [Fact]
    public async Task A_broken_lut_asset_fails_the_render_with_its_problem()
    {
        fixture.Assets.Add(EngineFixture.Project, "broken.cube", System.Text.Encoding.ASCII.GetBytes("LUT_3D_SIZE 2\n0 0 0\n"));

        var refused = await Assert.ThrowsAsync<RenderInputException>(
            () => FrameAsync("""{"type": "solid", "color": "#ff0000", "filters": [{"type": "lut", "url": "broken.cube"}]}"""));
        Assert.Equal("lut_invalid", refused.Code);
    }

    [Fact]
    public async Task Filters_on_a_video_run_on_every_frame()
    {
        var video = await TestMedia.RedMp4Async(160, 90, 2);
        fixture.Assets.Add(EngineFixture.Project, "red.mp4", video);
        var frame = await FrameAsync(
            """{"type": "video", "url": "red.mp4", "width": 160, "height": 90, "mute": true, "filters": [{"type": "saturation", "value": 0}, {"type": "glow", "radius": 8}]}""",
            frame: 30);

        var (r, g, b) = frame.At(80, 45);
        Assert.True(Math.Abs(r - g) < 12 && Math.Abs(g - b) < 12, $"grey: {(r, g, b)}");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task A_luma_mask_shows_the_layer_where_the_mask_is_white(bool invert, bool insideRed)
    {
        var frame = await FrameAsync("""
            {"type": "solid", "color": "#ff0000", "mask": {"invert": INVERT,
             "layer": {"type": "solid", "color": "#ffffff", "x": 50, "y": 50, "width": 100, "height": 60}}}
            """.Replace("INVERT", invert ? "true" : "false"));

        (int, int, int) red = (255, 0, 0);
        Assert.True(frame.IsNear(100, 80, insideRed ? red : Navy), $"inside the mask: {frame.At(100, 80)}");
        Assert.True(frame.IsNear(250, 150, insideRed ? Navy : red), $"outside the mask: {frame.At(250, 150)}");
    }

    [Fact]
    public async Task A_grey_luma_mask_shows_the_layer_half()
    {
        var frame = await FrameAsync("""{"type": "solid", "color": "#ffffff", "mask": {"layer": {"type": "solid", "color": "#808080"}}}""", "#000000");

        Assert.InRange(frame.At(160, 90).R, 110, 145);
    }

    [Fact]
    public async Task An_alpha_mask_follows_the_mask_layer_shape_opacity_and_position()
    {
        var frame = await FrameAsync("""
            {"type": "solid", "color": "#ff0000", "mask": {"channel": "alpha",
             "layer": {"type": "shape", "shape": "ellipse", "fill": "#000000", "x": 160, "y": 90, "width": 100, "height": 100, "anchor": "center", "opacity": 0.5}}}
            """);

        var centre = frame.At(160, 90);
        Assert.True(centre.R is > 100 and < 160 && centre.B is > 40 and < 90, $"half red over navy: {centre}");
        Assert.True(frame.IsNear(114, 44, Navy), $"the ellipse's box corner is outside it: {frame.At(114, 44)}");
        Assert.True(frame.IsNear(20, 90, Navy), "outside the mask layer");
    }

    [Fact]
    public async Task A_masked_layer_keeps_its_own_position_and_blend_mode()
    {
        // A white box at (200, 100) masked by a white box at (180, 80): only their overlap shows, screened over grey.
        var frame = await FrameAsync("""
            {"type": "solid", "color": "#ffffff", "x": 200, "y": 100, "width": 60, "height": 60, "blend": "multiply",
             "mask": {"layer": {"type": "solid", "color": "#ffffff", "x": 180, "y": 80, "width": 40, "height": 40}}}
            """, "#808080");

        Assert.True(frame.IsNear(210, 110, (128, 128, 128), 8), "white multiplied changes nothing");
        var dark = await FrameAsync("""
            {"type": "solid", "color": "#000000", "x": 200, "y": 100, "width": 60, "height": 60, "blend": "multiply",
             "mask": {"layer": {"type": "solid", "color": "#ffffff", "x": 180, "y": 80, "width": 40, "height": 40}}}
            """, "#808080");
        Assert.True(dark.IsNear(210, 110, (0, 0, 0), 10), $"the overlap is black: {dark.At(210, 110)}");
        Assert.True(dark.IsNear(240, 140, (128, 128, 128), 8), $"the layer outside the mask is hidden: {dark.At(240, 140)}");
        Assert.True(dark.IsNear(190, 90, (128, 128, 128), 8), "the mask outside the layer shows nothing");
    }

    [Fact]
    public async Task Filters_apply_in_order()
    {
        // Grey first, then brightness: a red box becomes a light grey, not a light red.
        var frame = await FrameAsync(
            """{"type": "solid", "color": "#ff0000", "filters": [{"type": "saturation", "value": 0}, {"type": "brightness", "value": 0.4}]}""");

        var (r, g, b) = frame.At(160, 90);
        Assert.True(Math.Abs(r - b) < 12 && r > 150, $"{(r, g, b)}");
    }
}
