using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Golden frames for how a blend mode is computed (<see cref="LayerBlend"/>): in RGB, on the layer's box only, at the
/// pixels a normal layer would cover, and once for a layer that never changes. 320x180 at 25 fps.
/// </summary>
public sealed class BlendedLayerBoxTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int R, int G, int B) Grey = (128, 128, 128);

    private static Timeline Movie(string layers, string background = "#808080") => EngineFixture.Bind(
        $$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "{{background}}", "layers": [{{layers}}]}]}""");

    /// <summary>
    /// A #dc3c8c box over #32c86e: each channel follows the mode's formula on that channel alone (ffmpeg's soft light),
    /// which blending luma and chroma planes would not give for colours.
    /// </summary>
    [Theory]
    [InlineData("multiply")]
    [InlineData("screen")]
    [InlineData("overlay")]
    [InlineData("hardlight")]
    [InlineData("softlight")]
    public async Task Blend_modes_mix_each_colour_channel_as_in_rgb(string mode)
    {
        var frame = await fixture.StillAsync(
            Movie($$"""{"type": "solid", "color": "#dc3c8c", "x": 100, "y": 50, "width": 100, "height": 80, "blend": "{{mode}}"}""", "#32c86e"), 5);

        var expected = (Mix(mode, 50, 220), Mix(mode, 200, 60), Mix(mode, 110, 140));
        Assert.True(frame.IsNear(150, 90, expected, 10), $"{mode}: {frame.At(150, 90)}, expected {expected}");
        Assert.True(frame.IsNear(50, 90, (50, 200, 110), 10), $"{mode} outside the box: {frame.At(50, 90)}");
    }

    /// <summary>Multiply with black draws black wherever a normal black layer would, at the frame's edges and at odd positions too.</summary>
    [Theory]
    [InlineData(-31, 151)]
    [InlineData(281, -7)]
    [InlineData(101, 51)]
    [InlineData(-20, -20)]
    public async Task A_blended_layer_covers_the_pixels_a_normal_one_covers(int x, int y)
    {
        const string box = """{"type": "solid", "color": "#000000", "x": X, "y": Y, "width": 61, "height": 41, "blend": "MODE"}""";
        string Layer(string mode) => box.Replace("X", $"{x}").Replace("Y", $"{y}").Replace("MODE", mode);
        var normal = await fixture.StillAsync(Movie(Layer("normal")), 5);
        var multiplied = await fixture.StillAsync(Movie(Layer("multiply")), 5);

        AssertSameFrames(normal, multiplied, 10);
        Assert.True(normal.CountNear(0, 0, 320, 180, (0, 0, 0), 10) > 300, "the layer is in the frame");
    }

    [Fact]
    public async Task A_moving_blended_layer_is_blended_where_it_is_on_each_frame()
    {
        const string moving = """
            {"type": "solid", "color": "#000000", "y": 60, "width": 50, "height": 50, "blend": "MODE",
             "keyframes": [{"time": 0, "x": -40}, {"time": 2, "x": 310}]}
            """;
        var normal = await fixture.RenderAsync(Movie(moving.Replace("MODE", "normal")), OutputFormat.Mp4);
        var multiplied = await fixture.RenderAsync(Movie(moving.Replace("MODE", "multiply")), OutputFormat.Mp4);

        foreach (var index in new[] { 0, 13, 26, 49 })
        {
            AssertSameFrames(
                await MediaInspector.DecodeFrameAsync(normal, index, 320, 180), await MediaInspector.DecodeFrameAsync(multiplied, index, 320, 180), 16);
        }
    }

    [Fact]
    public async Task An_unchanging_masked_and_blended_layer_shows_on_every_frame()
    {
        // A black box at (200, 100) masked by a white box at (180, 80): only their overlap darkens the grey.
        var output = await fixture.RenderAsync(Movie("""
            {"type": "solid", "color": "#000000", "x": 200, "y": 100, "width": 60, "height": 60, "blend": "multiply",
             "mask": {"layer": {"type": "solid", "color": "#ffffff", "x": 180, "y": 80, "width": 40, "height": 40}}},
            {"type": "solid", "color": "#ff0000", "x": 20, "y": 20, "width": 40, "height": 40, "blend": "screen"}
            """), OutputFormat.Mp4);

        Assert.Equal(50, (await MediaInspector.ProbeAsync(output)).FrameCount);
        foreach (var index in new[] { 0, 1, 25, 49 })
        {
            var frame = await MediaInspector.DecodeFrameAsync(output, index, 320, 180);
            Assert.True(frame.IsNear(210, 110, (0, 0, 0), 16), $"frame {index}, the overlap: {frame.At(210, 110)}");
            Assert.True(frame.IsNear(240, 140, Grey, 12) && frame.IsNear(190, 90, Grey, 12), $"frame {index}, outside the overlap");
            Assert.True(frame.IsNear(40, 40, (255, 128, 128), 16), $"frame {index}, red screened on grey: {frame.At(40, 40)}");
        }
    }

    private static void AssertSameFrames(DecodedFrame expected, DecodedFrame actual, int tolerance)
    {
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                Assert.True(actual.IsNear(x, y, expected.At(x, y), tolerance), $"({x}, {y}): {actual.At(x, y)}, expected {expected.At(x, y)}");
            }
        }
    }

    /// <summary>One channel of <paramref name="layer"/> blended over <paramref name="below"/>, 0–255.</summary>
    private static int Mix(string mode, double below, double layer)
    {
        var value = mode switch
        {
            "multiply" => below * layer / 255,
            "screen" => 255 - ((255 - below) * (255 - layer) / 255),
            "overlay" => below < 128 ? 2 * below * layer / 255 : 255 - (2 * (255 - below) * (255 - layer) / 255),
            "hardlight" => layer < 128 ? 2 * below * layer / 255 : 255 - (2 * (255 - below) * (255 - layer) / 255),
            "softlight" => layer > 127
                ? below + ((255 - below) * (layer - 127.5) / 127.5 * (0.5 - (Math.Abs(below - 127.5) / 255)))
                : below - (below * ((127.5 - layer) / 127.5) * (0.5 - (Math.Abs(below - 127.5) / 255))),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return (int)Math.Round(value);
    }
}
