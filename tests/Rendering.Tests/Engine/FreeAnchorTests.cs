using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Free anchors (impossible.io's offset from the centre): where the box lands and what it turns around, in decoded pixels.</summary>
public sealed class FreeAnchorTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Black = (0, 0, 0);

    private static string Movie(double rotation) => $$"""
        {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 0.2, "layers": [
          {"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 40, "height": 40, "anchor": {"x": -10, "y": -10}, "rotation": {{rotation}}}]}]}
        """;

    [Fact]
    public async Task The_anchor_point_goes_to_x_y_and_the_box_turns_around_it()
    {
        // The anchor is 10 px left of and above the centre of a 40x40 box: (10, 10) inside it, so the box spans 90–130 × 40–80.
        var still = await fixture.StillAsync(EngineFixture.Bind(Movie(0)), 0);
        Assert.True(still.IsNear(94, 44, Red) && still.IsNear(126, 76, Red), $"inside: {still.At(94, 44)} {still.At(126, 76)}");
        Assert.True(still.IsNear(86, 60, Black) && still.IsNear(134, 60, Black) && still.IsNear(110, 36, Black), "outside the box");

        // Half a turn around (100, 50) puts it at 70–110 × 20–60.
        var turned = await fixture.StillAsync(EngineFixture.Bind(Movie(180)), 0);
        Assert.True(turned.IsNear(74, 24, Red) && turned.IsNear(106, 56, Red), $"turned: {turned.At(74, 24)} {turned.At(106, 56)}");
        Assert.True(turned.IsNear(120, 70, Black), $"the old place is empty: {turned.At(120, 70)}");
    }

    [Fact]
    public void An_xml_anchor_offset_that_is_not_an_edge_becomes_the_same_free_anchor_as_its_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25"><scene duration="5">
              <solid color="#ff0000" position="100, 50" width="40" height="40" anchor="-10, -10"/>
              <solid color="#ff0000" width="40" height="40" anchor="-20, -20"/>
            </scene></movie>
            """);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var layers = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers;
        var json = MovieParser.Parse("""
            {"scenes": [{"duration": 1, "layers": [{"type": "solid", "color": "#f00", "width": 40, "height": 40, "anchor": {"x": -10, "y": -10}}]}]}
            """).Movie!.Scenes[0].Layers[0];

        Assert.Equal(new AnchorOffset(-10, -10), layers[0].Look.AnchorOffset);
        Assert.Equal(json.Look.AnchorOffset, layers[0].Look.AnchorOffset);
        Assert.Equal(("top-left", (AnchorOffset?)null), (layers[1].Look.Anchor, layers[1].Look.AnchorOffset));
    }

    [Theory]
    [InlineData("""{"x": 3}""", "$.scenes[0].layers[0].anchor.y")]
    [InlineData("""{"x": 3, "y": 4, "z": 5}""", "$.scenes[0].layers[0].anchor.z")]
    [InlineData("""{"x": 5000, "y": 0}""", "$.scenes[0].layers[0].anchor.x")]
    [InlineData("\"middle\"", "$.scenes[0].layers[0].anchor")]
    public void Malformed_anchors_are_refused_at_their_field(string anchor, string path)
    {
        var parsed = MovieParser.Parse($$"""{"scenes": [{"duration": 1, "layers": [{"type": "solid", "color": "#f00", "anchor": {{anchor}}}]}]}""");

        Assert.Contains(parsed.Errors, e => e.Path == path);
    }
}
