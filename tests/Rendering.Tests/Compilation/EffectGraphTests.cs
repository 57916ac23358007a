using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Tests.Engine;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Compilation;

/// <summary>The filter graph a blend mode, a mask and the colour filters compile to: where the work runs and how often.</summary>
public sealed class EffectGraphTests
{
    private static string Graph(string layers) => FilterGraphCompiler.Compile(
        EngineFixture.Bind($$"""{"width": 1280, "height": 720, "fps": 30, "scenes": [{"duration": 10, "layers": [{{layers}}]}]}"""),
        new Dictionary<Model.TimelineLayer, string>(), new FrameRange(0, 300), new OutputSpec(OutputFormat.Mp4), new EncoderSettings()).FilterGraph;

    [Fact]
    public void A_blend_mode_is_computed_on_the_layer_box_and_an_unchanging_layer_is_converted_once()
    {
        var graph = Graph("""{"type": "solid", "color": "#ffcc00", "x": 101, "y": 100, "width": 639, "height": 360, "blend": "screen"}""");

        Assert.Contains("crop=w=640:h=360:x='2*floor(clip(101,0,640)/2)':y='2*floor(clip(100,0,360)/2)',format=gbrap", graph);
        Assert.Contains("color=c=black@0:s=640x360:r=30,format=yuva420p,trim=end_frame=1[", graph);
        Assert.Contains("format=gbrap,loop=loop=299:size=1:start=0,setpts=N[", graph);
        Assert.DoesNotContain("s=1280x720:r=30,format=yuva420p", graph);
    }

    [Fact]
    public void A_moving_blended_layer_is_placed_on_every_frame_in_a_box_that_follows_it()
    {
        var graph = Graph("""
            {"type": "solid", "color": "#ffcc00", "y": 100, "width": 200, "height": 100, "blend": "multiply",
             "keyframes": [{"time": 0, "x": 0}, {"time": 10, "x": 1000}]}
            """);

        Assert.Contains("color=c=black@0:s=200x100:r=30,format=yuva420p,trim=end_frame=300[", graph);
        Assert.DoesNotContain("loop=loop=299:size=1:start=0,setpts=N", graph);
        Assert.Matches(@"crop=w=200:h=100:x='2\*floor\(clip\([^']*t[^']*,0,1080\)/2\)'", graph);
    }

    [Fact]
    public void An_unchanging_masked_layer_is_masked_once_on_the_mask_layer_box_and_repeated()
    {
        var graph = Graph("""{"type": "solid", "color": "#ffcc00", "mask": {"channel": "alpha", "layer": {"type": "solid", "color": "#ffffff", "width": 100, "height": 100}}}""");

        Assert.DoesNotContain("format=yuva420p,trim=end_frame=300", graph);
        Assert.Contains("crop=w=100:h=100:x='2*floor(clip(0,0,1180)/2)':y='2*floor(clip(0,0,620)/2)',extractplanes=a", graph);
        Assert.Contains("color=c=black@0:s=100x100:r=30,format=yuva420p,trim=end_frame=1[", graph);
        Assert.Contains("loop=loop=299:size=1:start=0,setpts=N[", graph);
    }

    [Theory]
    [InlineData("""[{"type": "saturation", "value": 0.5}, {"type": "contrast", "value": 1.2}]""", ",eq=saturation=0.5:contrast=1.2,")]
    [InlineData("""[{"type": "brightness", "value": 0.1}, {"type": "saturation", "value": 0}]""", ",eq=brightness=0.1:saturation=0,")]
    [InlineData("""[{"type": "brightness", "value": 0.1}, {"type": "contrast", "value": 2}]""", ",eq=brightness=0.1,eq=contrast=2,")]
    [InlineData("""[{"type": "saturation", "value": 0.5}, {"type": "blur", "radius": 4}, {"type": "contrast", "value": 2}]""", ",eq=saturation=0.5,premultiply")]
    public void Colour_filters_on_different_planes_share_one_eq_in_their_order(string filters, string expected)
    {
        var graph = Graph($$"""{"type": "solid", "color": "#ffcc00", "filters": {{filters}}}""");

        Assert.Contains(expected, graph);
    }
}
