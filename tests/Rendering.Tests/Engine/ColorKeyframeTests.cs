using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Colour keyframes on solids and plain text, recoloured per frame inside the filter graph: decoded pixels of 320x180
/// stills at 25 fps on black, the XML <c>&lt;key color&gt;</c> and the refusals of layers that have no one colour.
/// </summary>
public sealed class ColorKeyframeTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static Timeline Movie(string layer) => EngineFixture.Bind($$"""
        {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "#000000", "layers": [{{layer}}]}]}
        """);

    [Fact]
    public async Task A_solid_moves_from_one_colour_to_the_next_frame_by_frame()
    {
        var timeline = Movie("""
            {"type": "solid", "color": "#000000", "x": 100, "y": 50, "width": 100, "height": 80,
             "keyframes": [{"time": 0, "color": "#ff0000"}, {"time": 1, "color": "#0000ff"}]}
            """);

        Assert.True((await fixture.StillAsync(timeline, 0)).IsNear(150, 90, (255, 0, 0), 16));
        var middle = await fixture.StillAsync(timeline, 12);
        Assert.True(middle.IsNear(150, 90, (133, 0, 122), 16), $"halfway: {middle.At(150, 90)}");
        Assert.True((await fixture.StillAsync(timeline, 40)).IsNear(150, 90, (0, 0, 255), 16));
        Assert.True(middle.IsNear(90, 90, (0, 0, 0), 8), "outside the box stays black");
    }

    [Fact]
    public async Task A_keyframed_colour_looks_like_the_same_colour_given_statically_alpha_included()
    {
        var keyed = await fixture.StillAsync(Movie("""
            {"type": "solid", "color": "#000000", "width": 100, "height": 80, "keyframes": [{"time": 0, "color": "#3366cc80"}]}
            """), 5);
        var still = await fixture.StillAsync(Movie("""{"type": "solid", "color": "#3366cc80", "width": 100, "height": 80}"""), 5);

        var (expected, actual) = (still.At(50, 40), keyed.At(50, 40));
        Assert.True(Math.Abs(expected.R - actual.R) <= 4 && Math.Abs(expected.G - actual.G) <= 4 && Math.Abs(expected.B - actual.B) <= 4, $"{expected} vs {actual}");
    }

    [Fact]
    public async Task Text_glyphs_take_the_keyframed_colour()
    {
        var timeline = Movie("""
            {"type": "text", "text": "HHH", "fontSize": 90, "color": "#ffffff", "x": 20, "y": 20, "width": 280, "height": 140,
             "keyframes": [{"time": 0, "color": "#ff0000"}, {"time": 1, "color": "#00ff00", "easing": [0.333, 0, 0.667, 1]}]}
            """);

        int Count(DecodedFrame frame, (int, int, int) colour) =>
            Enumerable.Range(0, 320).Sum(x => Enumerable.Range(0, 180).Count(y => frame.IsNear(x, y, colour, 30)));
        var start = await fixture.StillAsync(timeline, 0);
        var end = await fixture.StillAsync(timeline, 30);

        Assert.True(Count(start, (255, 0, 0)) > 1000, $"red ink at the start: {Count(start, (255, 0, 0))}");
        Assert.Equal(0, Count(start, (0, 255, 0)));
        Assert.True(Count(end, (0, 255, 0)) > 1000, $"green ink at the end: {Count(end, (0, 255, 0))}");
        Assert.Equal(0, Count(end, (255, 0, 0)));
        Assert.Equal(0, Count(end, (255, 255, 255)));
    }

    [Fact]
    public void Xml_key_colours_become_the_same_keyframes_as_their_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25"><scene duration="50">
              <text color="#ffffff" size="40">Hi<animation easeout="true"><key time="0" color="#ff0000"/><key time="25" color="#00ff0080"/></animation></text>
            </scene></movie>
            """);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers[0].Look.Keyframes;
        var fromJson = MovieParser.Parse("""
            {"scenes": [{"duration": 2, "layers": [{"type": "text", "text": "Hi", "fontSize": 40, "color": "#ffffff",
              "keyframes": [{"time": 0, "color": "#ff0000", "easing": "ease-out"}, {"time": 1, "color": "#00ff0080", "easing": "ease-out"}]}]}]}
            """).Movie!.Scenes[0].Layers[0].Look.Keyframes;

        Assert.Equal(fromJson, fromXml);
        Assert.Equal(new RgbaColor(0, 255, 0, 128), fromXml[1].Color);
    }

    [Theory]
    [InlineData("""{"type": "image", "url": "a.png", "width": 10, "height": 10, "keyframes": [{"time": 0, "color": "#f00"}]}""", "solid and text")]
    [InlineData("""{"type": "shape", "keyframes": [{"time": 0, "x": 1}, {"time": 1, "color": "#f00"}]}""", "solid and text")]
    [InlineData("""{"type": "text", "text": "a", "outline": {"color": "#000", "width": 2}, "keyframes": [{"time": 0, "color": "#f00"}]}""", "outline")]
    [InlineData("""{"type": "solid", "color": "#fff", "filters": [{"type": "blur", "radius": 2}], "keyframes": [{"time": 0, "color": "#f00"}]}""", "filters")]
    [InlineData("""{"type": "solid", "color": "#fff", "keyframes": [{"time": 0, "color": "${c, #f00}"}]}""", "without variables")]
    [InlineData("""{"type": "solid", "color": "#fff", "keyframes": [{"time": 0, "color": "red"}]}""", "not a colour")]
    public void Colour_keyframes_the_layer_cannot_render_exactly_are_refused_at_the_keyframe(string layer, string message)
    {
        var parsed = MovieParser.Parse($$"""{"scenes": [{"duration": 1, "layers": [{{layer}}]}]}""");

        Assert.Contains(parsed.Errors, e => e.Path.StartsWith("$.scenes[0].layers[0].keyframes[", StringComparison.Ordinal)
            && e.Path.EndsWith("].color", StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
