using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Cubic Bézier easings (<c>"easing": [x1, y1, x2, y2]</c>, impossible.io's "speed, influence" ease pairs): the curve's
/// values, the frames ffmpeg draws with them (position and scale through expressions, opacity through commands), the XML
/// pairs' translation and the refusals. Movies are 320x180 at 25 fps on navy.
/// </summary>
public sealed class EasePairTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly CubicBezier EasyEase = new(0.333, 0, 0.667, 1);

    [Fact]
    public void The_curve_runs_from_0_to_1_and_an_easy_ease_is_slow_at_both_ends_and_symmetric()
    {
        Assert.Equal(0, EasyEase.Apply(0), 6);
        Assert.Equal(1, EasyEase.Apply(1), 6);
        Assert.Equal(0.5, EasyEase.Apply(0.5), 6);
        Assert.Equal(1 - EasyEase.Apply(0.1), EasyEase.Apply(0.9), 6);
        Assert.InRange(EasyEase.Apply(0.1), 0.02, 0.035);
        Assert.Equal(0.3, new CubicBezier(0, 0, 1, 1).Apply(0.3), 6);
        Assert.Equal(EasyEase, CubicBezier.FromEasePairs((0.333, 0), (0.333, 0)));
    }

    [Fact]
    public async Task Position_scale_and_opacity_follow_the_bezier_in_the_rendered_frames()
    {
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "#000080", "layers": [
              {"type": "solid", "color": "#ff0000", "y": 10, "width": 20, "height": 20,
               "keyframes": [{"time": 0, "x": 0, "easing": [0.333, 0, 0.667, 1]}, {"time": 1.6, "x": 200}]},
              {"type": "solid", "color": "#ff0000", "x": 0, "y": 60, "width": 40, "height": 20,
               "keyframes": [{"time": 0, "scaleX": 1, "easing": [0.333, 0, 0.667, 1]}, {"time": 1.6, "scaleX": 3}]},
              {"type": "solid", "color": "#ff0000", "x": 0, "y": 120, "width": 40, "height": 20,
               "keyframes": [{"time": 0, "opacity": 0, "easing": [0.333, 0, 0.667, 1]}, {"time": 1.6, "opacity": 1}]}]}]}
            """);

        foreach (var frame in new[] { 4, 10, 20, 30 })
        {
            var eased = EasyEase.Apply(frame / 40.0);
            var still = await fixture.StillAsync(timeline, frame);
            var left = Enumerable.Range(0, 320).First(x => still.IsNear(x, 20, Red, 60));
            var width = Enumerable.Range(0, 320).Count(x => still.IsNear(x, 70, Red, 60));

            Assert.InRange(left, (200 * eased) - 2, (200 * eased) + 1);
            Assert.InRange(width, 40 + (80 * eased) - 2, 40 + (80 * eased) + 2);
            Assert.InRange(still.At(20, 130).R, (255 * eased) - 10, (255 * eased) + 10);
        }
    }

    [Fact]
    public void Xml_ease_pairs_become_the_bezier_they_describe_on_keys_and_presets()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25"><scene duration="50">
              <solid color="#ff0000" width="40" height="40">
                <animation easein="0.5, 0.2" easeout="true"><key time="0" position="0, 0"/><key time="25" position="200, 0"/></animation>
                <animation type="slidein" direction="left" easeout="0.25, 0.1"/>
              </solid>
            </scene></movie>
            """);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers[0].Look;
        var fromJson = MovieParser.Parse("""
            {"scenes": [{"duration": 2, "layers": [{"type": "solid", "color": "#ff0000", "width": 40, "height": 40,
              "keyframes": [{"time": 0, "x": 0, "y": 0, "easing": [0.5, 0.2, 0.667, 1]}, {"time": 1, "x": 200, "y": 0, "easing": [0.5, 0.2, 0.667, 1]}],
              "animations": [{"type": "slidein", "direction": "left", "easing": [0, 0, 0.75, 0.9]}]}]}]}
            """).Movie!.Scenes[0].Layers[0].Look;

        Assert.Equal(new CubicBezier(0.5, 0.2, 0.667, 1), fromXml.Keyframes[0].Bezier);
        Assert.Equal(fromJson.Keyframes, fromXml.Keyframes);
        Assert.Equal(fromJson.Animations, fromXml.Animations);
        Assert.Equal(new CubicBezier(0, 0, 0.75, 0.9), fromXml.Animations[0].Bezier);
    }

    [Theory]
    [InlineData("[1.5, 0, 0.5, 1]", "$.scenes[0].layers[0].keyframes[0].easing[0]")]
    [InlineData("[0.5, 3, 0.5, 1]", "$.scenes[0].layers[0].keyframes[0].easing[1]")]
    [InlineData("[0.5, 0, 1]", "$.scenes[0].layers[0].keyframes[0].easing")]
    [InlineData("[0.5, 0, 1, \"1\"]", "$.scenes[0].layers[0].keyframes[0].easing")]
    [InlineData("\"bounce\"", "$.scenes[0].layers[0].keyframes[0].easing")]
    public void Malformed_bezier_easings_are_refused_at_their_field(string easing, string path)
    {
        var parsed = MovieParser.Parse($$"""
            {"scenes": [{"duration": 1, "layers": [{"type": "solid", "color": "#f00", "keyframes": [{"time": 0, "x": 0, "easing": {{easing}}}]}]}]}
            """);

        Assert.Contains(parsed.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("2, 0")]
    [InlineData("0.5, 0.5, 0.5")]
    public void Xml_ease_values_that_are_neither_flags_nor_pairs_are_refused_at_the_attribute(string value)
    {
        var translation = XmlMovieTranslator.Translate($"""
            <movie width="320" height="180" framerate="25"><scene duration="50">
              <solid color="#ff0000"><animation easein="{value}"><key time="0" opacity="0"/><key time="25" opacity="1"/></animation></solid>
            </scene></movie>
            """);

        Assert.Contains(translation.Errors, e => e.Path == "/movie/scene[1]/solid[1]/animation[1]/@easein" && e.Message.Contains("speed, influence"));
    }
}
