using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Font size keyframes: the text rasterised at the largest size and scaled per frame around its alignment point inside
/// the box. The ink's extent in decoded 320x180 stills at 25 fps on black is compared with the same text drawn statically
/// at the keyframe's size; XML <c>&lt;key fontsize&gt;</c> parses like its JSON.
/// </summary>
public sealed class FontSizeKeyframeTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static Timeline Movie(string layer) => EngineFixture.Bind($$"""
        {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "#000000", "layers": [{{layer}}]}]}
        """);

    /// <summary>The bounding box of the bright pixels: (left, top, right, bottom).</summary>
    private static (int Left, int Top, int Right, int Bottom) Ink(DecodedFrame frame)
    {
        var points = (from x in Enumerable.Range(0, frame.Width) from y in Enumerable.Range(0, frame.Height)
                      where frame.At(x, y).R > 128 select (x, y)).ToList();
        return (points.Min(p => p.x), points.Min(p => p.y), points.Max(p => p.x), points.Max(p => p.y));
    }

    private static string Text(string align, string extra) => $$"""
        {"type": "text", "text": "Hey", "align": "{{align}}", "x": 20, "y": 20, "width": 280, "height": 140, "overflow": "none", {{extra}}}
        """;

    [Theory]
    [InlineData("center")]
    [InlineData("left")]
    [InlineData("right")]
    public async Task The_text_grows_from_its_alignment_point_to_the_size_a_static_text_has(string align)
    {
        var timeline = Movie(Text(align, """
            "fontSize": 10, "keyframes": [{"time": 0, "fontSize": 30}, {"time": 1, "fontSize": 90}]
            """));

        foreach (var (frame, size) in new[] { (0, 30), (25, 90) })
        {
            var animated = Ink(await fixture.StillAsync(timeline, frame));
            var drawn = Ink(await fixture.StillAsync(Movie(Text(align, $"\"fontSize\": {size}")), 0));
            Assert.True(
                Math.Abs(animated.Left - drawn.Left) <= 3 && Math.Abs(animated.Right - drawn.Right) <= 3
                && Math.Abs(animated.Top - drawn.Top) <= 3 && Math.Abs(animated.Bottom - drawn.Bottom) <= 3,
                $"{align} at {size}px: {animated} vs {drawn}");
        }

        var middle = Ink(await fixture.StillAsync(timeline, 12));
        var (small, large) = (Ink(await fixture.StillAsync(timeline, 0)), Ink(await fixture.StillAsync(timeline, 25)));
        Assert.InRange(middle.Right - middle.Left, small.Right - small.Left + 10, large.Right - large.Left - 10);
    }

    [Fact]
    public void Xml_key_font_sizes_become_the_same_keyframes_as_their_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25"><scene duration="50">
              <text size="40">Hi<animation><key time="0" fontsize="20"/><key time="25" fontsize="60.5"/></animation></text>
            </scene></movie>
            """);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers[0].Look.Keyframes;
        var fromJson = MovieParser.Parse("""
            {"scenes": [{"duration": 2, "layers": [{"type": "text", "text": "Hi", "fontSize": 40,
              "keyframes": [{"time": 0, "fontSize": 20}, {"time": 1, "fontSize": 60.5}]}]}]}
            """).Movie!.Scenes[0].Layers[0].Look.Keyframes;

        Assert.Equal(fromJson, fromXml);
        Assert.Equal(60.5, fromXml[1].FontSize);
    }

    [Theory]
    [InlineData("""{"type": "solid", "color": "#fff", "keyframes": [{"time": 0, "fontSize": 20}]}""", "text layers only")]
    [InlineData("""{"type": "text", "text": "a", "backgroundColor": "#000", "keyframes": [{"time": 0, "fontSize": 20}]}""", "backgroundColor")]
    [InlineData("""{"type": "text", "text": "a", "keyframes": [{"time": 0, "fontSize": 0}]}""", "between")]
    [InlineData("""{"type": "text", "text": "a", "keyframes": [{"time": 0, "fontSize": 1001}]}""", "between")]
    public void Font_size_keyframes_that_cannot_be_rendered_are_refused_at_the_keyframe(string layer, string message)
    {
        var parsed = MovieParser.Parse($$"""{"scenes": [{"duration": 1, "layers": [{{layer}}]}]}""");

        Assert.Contains(parsed.Errors, e => e.Path == "$.scenes[0].layers[0].keyframes[0].fontSize" && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
