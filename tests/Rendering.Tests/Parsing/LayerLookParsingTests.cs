using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>The common visual-layer fields, shapes and text styling: what parses, what is an error, and how params bind.</summary>
public sealed class LayerLookParsingTests
{
    private static MovieParseResult Parse(string layer) =>
        MovieParser.Parse($$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "layers": [{{layer}}]}]}""");

    private static Layer Layer(string layer)
    {
        var result = Parse(layer);
        Assert.Empty(result.Errors);
        return result.Movie!.Scenes[0].Layers[0];
    }

    private static TimelineLayer Bound(string layer, Dictionary<string, string>? parameters = null) =>
        MovieBinder.Bind(Parse(layer).Movie!, parameters ?? []).Scenes[0].Layers.Single();

    [Fact]
    public void Reads_every_common_field_on_any_visual_layer()
    {
        var layer = Layer("""
            {"type": "text", "text": "Hi", "anchor": "bottom-right", "scale": 1.5, "rotation": -30, "opacity": 0.25, "blend": "normal",
             "condition": "!vip", "animations": [{"type": "slidein", "direction": "up", "duration": 0.4, "easing": "ease-out"}, {"type": "zoom", "from": 1, "to": 1.3}],
             "keyframes": [{"time": 0, "opacity": 0}, {"time": 1, "opacity": 1, "scale": 2, "rotation": 90, "easing": "ease-in-out"}],
             "lineSpacing": 1.5, "outline": {"color": "#000", "width": 2}, "shadow": {"color": "#00000080", "x": 3, "y": 4, "blur": 5},
             "backgroundColor": "#ffffff20", "padding": 12, "overflow": "clip"}
            """);

        Assert.Equal(new LayerLook("bottom-right", 1.5, -30, 0.25, "!vip", layer.Look.Animations, layer.Look.Keyframes), layer.Look);
        Assert.Equal([("slidein", "up", Easing.EaseOut), ("zoom", "left", Easing.Linear)], layer.Look.Animations.Select(a => (a.Type, a.Direction, a.Easing)));
        Assert.Equal(new Keyframe(1, null, null, 2, 90, 1, Easing.EaseInOut), layer.Look.Keyframes[1]);
        var style = ((TextLayer)layer).Style;
        Assert.Equal(new TextStyleTemplate(1.5, "#000", 2, "#00000080", 3, 4, 5, "#ffffff20", 12, "clip"), style);
    }

    [Fact]
    public void Reads_the_blend_mode_and_the_filters_in_order()
    {
        var layer = Bound("""
            {"type": "solid", "color": "#fff", "blend": "SoftLight", "filters": [{"type": "saturation", "value": 0.5}, {"type": "brightness", "value": -0.2},
             {"type": "contrast", "value": 1.5}, {"type": "blur", "radius": 3}, {"type": "vignette"}, {"type": "glow"}, {"type": "lut", "url": "warm.cube"}]}
            """);

        Assert.Equal(BlendMode.SoftLight, layer.Blend);
        Assert.Equal(
            [
                new SaturationFilter(0.5), new BrightnessFilter(-0.2), new ContrastFilter(1.5), new BlurFilter(3), new VignetteFilter(0.5),
                new GlowFilter(10, 0.5), new LutFilter(Rendering.Media.MediaReference.ForAsset("warm.cube")),
            ],
            layer.Filters);
    }

    [Theory]
    [InlineData("""{"type": "solid", "color": "#fff", "mask": {"channel": "luma"}}""", "$.scenes[0].layers[0].mask.layer", "required")]
    [InlineData("""{"type": "solid", "color": "#fff", "mask": {"channel": "red", "layer": {"type": "solid", "color": "#fff"}}}""", "$.scenes[0].layers[0].mask.channel", "alpha")]
    [InlineData("""{"type": "solid", "color": "#fff", "mask": {"layer": {"type": "audio", "url": "a.mp3"}}}""", "$.scenes[0].layers[0].mask.layer", "visual layer")]
    [InlineData("""{"type": "solid", "color": "#fff", "mask": {"layer": {"type": "solid", "color": "#fff", "blend": "screen"}}}""", "$.scenes[0].layers[0].mask.layer.blend", "not allowed")]
    [InlineData("""{"type": "solid", "color": "#fff", "mask": {"layer": {"type": "solid", "color": "#fff", "mask": {"layer": {"type": "solid", "color": "#fff"}}}}}""", "$.scenes[0].layers[0].mask.layer.mask", "its own")]
    [InlineData("""{"type": "solid", "color": "#fff", "mask": {"layer": {"type": "solid"}}}""", "$.scenes[0].layers[0].mask.layer.color", "required")]
    [InlineData("""{"type": "solid", "color": "#fff", "blend": "dissolve"}""", "$.scenes[0].layers[0].blend", "softlight")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "sharpen"}]}""", "$.scenes[0].layers[0].filters[0].type", "saturation")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "saturation"}]}""", "$.scenes[0].layers[0].filters[0].value", "required")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "saturation", "value": 9}]}""", "$.scenes[0].layers[0].filters[0].value", "between 0 and 3")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "blur", "radius": "${r}"}]}""", "$.scenes[0].layers[0].filters[0].radius", "number")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "brightness", "value": 0.1, "gamma": 2}]}""", "$.scenes[0].layers[0].filters[0].gamma", "not a known field")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "lut", "url": "https://example.com/a.cube"}]}""", "$.scenes[0].layers[0].filters[0].url", ".cube project asset")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "lut", "url": "../grade.cube"}]}""", "$.scenes[0].layers[0].filters[0].url", ".cube project asset")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "lut", "url": "grade.png"}]}""", "$.scenes[0].layers[0].filters[0].url", ".cube project asset")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "lut", "url": "${grade}.cube"}]}""", "$.scenes[0].layers[0].filters[0].url", ".cube project asset")]
    [InlineData("""{"type": "solid", "color": "#fff", "anchor": "middle"}""", "$.scenes[0].layers[0].anchor", "top-left")]
    [InlineData("""{"type": "solid", "color": "#fff", "condition": "${vip}"}""", "$.scenes[0].layers[0].condition", "without ${}")]
    [InlineData("""{"type": "solid", "color": "#fff", "scale": 0}""", "$.scenes[0].layers[0].scale", "between")]
    [InlineData("""{"type": "solid", "color": "#fff", "animations": [{"type": "slidein"}]}""", "$.scenes[0].layers[0].animations[0].direction", "required")]
    [InlineData("""{"type": "solid", "color": "#fff", "animations": [{"type": "spin"}]}""", "$.scenes[0].layers[0].animations[0].type", "fadein")]
    [InlineData("""{"type": "solid", "color": "#fff", "animations": [{"type": "fadein", "easing": "bounce"}]}""", "$.scenes[0].layers[0].animations[0].easing", "ease-in-out")]
    [InlineData("""{"type": "solid", "color": "#fff", "keyframes": [{"time": 1, "x": 0}, {"time": 0.5, "x": 1}]}""", "$.scenes[0].layers[0].keyframes[1].time", "later")]
    [InlineData("""{"type": "solid", "color": "#fff", "keyframes": [{"time": 1, "skew": 3}]}""", "$.scenes[0].layers[0].keyframes[0].skew", "not a known field")]
    [InlineData("""{"type": "shape", "shape": "star"}""", "$.scenes[0].layers[0].shape", "rectangle")]
    [InlineData("""{"type": "shape", "shape": "ellipse", "cornerRadius": 4}""", "$.scenes[0].layers[0].cornerRadius", "rectangles")]
    [InlineData("""{"type": "text", "text": "a", "outline": {"width": 2}}""", "$.scenes[0].layers[0].outline.color", "required")]
    [InlineData("""{"type": "text", "text": "a", "overflow": "scroll"}""", "$.scenes[0].layers[0].overflow", "shrink")]
    [InlineData("""{"type": "solid", "color": "#fff", "x": "12px"}""", "$.scenes[0].layers[0].x", "whole number")]
    [InlineData("""{"type": "solid", "color": "#fff", "x": "${left"}""", "$.scenes[0].layers[0].x", "closing")]
    public void Bad_values_are_reported_at_their_path(string layer, string path, string message)
    {
        var error = Assert.Single(Parse(layer).Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Numbers_may_be_variables_with_defaults()
    {
        var layer = Bound("""{"type": "solid", "color": "#fff", "x": "${left, 40}", "y": "${top}", "width": "${w, 20}", "height": 10, "opacity": "${o, 0.5}", "start": "${at, 0.4}"}""",
            new Dictionary<string, string> { ["top"] = "7", ["w"] = "30" });

        Assert.Equal((40, 7, 30, 10, 10), (layer.X, layer.Y, layer.Width, layer.Height, layer.StartFrame));
        Assert.Equal(0.5, layer.Motion.Opacity.Points[0].Value);
    }

    [Theory]
    [InlineData("left", "abc")]
    [InlineData("left", "12.5")]
    [InlineData("o", "2")]
    public void A_param_that_is_not_a_fitting_number_is_invalid_and_named(string name, string value)
    {
        var error = Assert.Throws<RenderInputException>(() => Bound(
            """{"type": "solid", "color": "#fff", "x": "${left, 40}", "opacity": "${o, 1}"}""", new Dictionary<string, string> { [name] = value }));

        Assert.Equal("invalid_param", error.Code);
        Assert.Contains($"'{name}'", error.Message);
    }

    [Fact]
    public void Variables_are_typed_by_the_field_they_feed()
    {
        var movie = MovieParser.Parse("""
            {"font": "${family, DejaVu Sans}", "scenes": [{"duration": 1, "layers": [
              {"type": "shape", "fill": "${fill, #fff}", "x": "${left, 0}", "condition": "!hide"},
              {"type": "text", "text": "${name}", "outline": {"color": "${edge}", "width": 1}}]}]}
            """).Movie!;

        var types = MovieVariables.Of(movie).ToDictionary(v => v.Name, v => v.Type);

        Assert.Equal("text", types["family"]);
        Assert.Equal("color", types["fill"]);
        Assert.Equal("number", types["left"]);
        Assert.Equal("boolean", types["hide"]);
        Assert.Equal("color", types["edge"]);
    }

    [Fact]
    public void Keyframes_set_only_their_properties_and_linear_fades_use_the_fade_filter()
    {
        var layer = Bound("""
            {"type": "solid", "color": "#fff", "x": 5, "y": 6, "keyframes": [{"time": 0, "x": 0}, {"time": 1, "x": 100, "opacity": 0.5}],
             "animations": [{"type": "fadein", "duration": 0.4}, {"type": "fadeout", "duration": 0.2, "easing": "ease-in"}]}
            """);

        Assert.Equal([0, 25], layer.Motion.X.Points.Select(p => p.Frame));
        Assert.True(layer.Motion.Y.IsConstant);
        Assert.Equal(6, layer.Motion.Y.Points[0].Value);
        Assert.Equal(0.5, layer.Motion.Opacity.ValueAt(0));
        Assert.Equal(10, layer.FadeInFrames);
        Assert.Equal([(45, 1.0), (50, 0.0)], layer.Motion.Fade.Points.Select(p => (p.Frame, p.Value)));
    }

    [Fact]
    public void Every_v1_movie_keeps_its_meaning()
    {
        var layer = Bound("""{"type": "image", "url": "https://example.com/a.png", "width": 32, "height": 32, "x": 9, "keyframes": [{"time": 0, "x": 0, "y": 0}, {"time": 1, "x": 100, "y": 50}]}""");

        Assert.Equal((Curve.Constant(0), Curve.Constant(0)), (layer.Motion.AnchorX, layer.Motion.AnchorY));
        Assert.Equal(50, layer.Motion.Y.ValueAt(25));
        Assert.Equal(50, layer.Motion.X.ValueAt(12.5));
        Assert.True(layer.Motion.ScaleX.IsConstant && layer.Motion.ScaleY.IsConstant && layer.Motion.Rotation.IsConstant && layer.Motion.Opacity.IsConstant);
    }
}
