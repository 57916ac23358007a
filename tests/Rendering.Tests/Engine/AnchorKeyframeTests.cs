using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Keyframes on the anchor: the pivot moves over the box, so the box moves under its fixed (x, y) and scale and rotation
/// turn around the moving point. Decoded pixels of 320x180 stills at 25 fps on navy; XML keys parse like their JSON.
/// </summary>
public sealed class AnchorKeyframeTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Red = (255, 0, 0);

    private static Timeline Movie(string extra) => EngineFixture.Bind($$$"""
        {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "#000080", "layers": [
          {"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 40, "height": 40, {{{extra}}}
           "keyframes": [{"time": 0, "anchor": "top-left"}, {"time": 1, "anchor": {"x": 20, "y": 20}}]}]}]}
        """);

    /// <summary>The first red column and row through the point (<paramref name="x"/>, <paramref name="y"/>).</summary>
    private static (int Left, int Top) Corner(DecodedFrame frame, int x, int y) => (
        Enumerable.Range(0, frame.Width).FirstOrDefault(c => frame.IsNear(c, y, Red, 60), -1),
        Enumerable.Range(0, frame.Height).FirstOrDefault(r => frame.IsNear(x, r, Red, 60), -1));

    [Fact]
    public async Task The_box_slides_under_its_position_as_the_anchor_moves_from_one_corner_to_the_other()
    {
        var timeline = Movie("");

        Assert.Equal((160, 90), Corner(await fixture.StillAsync(timeline, 0), 170, 100));
        var middle = Corner(await fixture.StillAsync(timeline, 12), 160, 90);
        Assert.InRange(middle.Left, 139, 142);
        Assert.InRange(middle.Top, 69, 72);
        Assert.Equal((120, 50), Corner(await fixture.StillAsync(timeline, 25), 130, 60));
    }

    [Fact]
    public async Task Rotation_turns_around_the_moving_anchor()
    {
        // Half a turn around the top-left corner puts the box up and left of (160, 90); around the bottom-right corner
        // down and right of it.
        var timeline = Movie("\"rotation\": 180,");

        var start = Corner(await fixture.StillAsync(timeline, 0), 140, 70);
        Assert.InRange(start.Left, 119, 121);
        Assert.InRange(start.Top, 49, 51);
        var end = Corner(await fixture.StillAsync(timeline, 25), 180, 110);
        Assert.InRange(end.Left, 159, 161);
        Assert.InRange(end.Top, 89, 91);
    }

    [Fact]
    public void Xml_key_anchors_become_the_same_keyframes_as_their_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25"><scene duration="50">
              <solid color="#ff0000" position="160, 90" width="40" height="40">
                <animation><key time="0" anchor="top-left"/><key time="25" anchor="20, 20"/><key time="40" anchor="0, 0"/></animation>
              </solid>
            </scene></movie>
            """);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers[0].Look.Keyframes;
        var fromJson = MovieParser.Parse("""
            {"scenes": [{"duration": 2, "layers": [{"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 40, "height": 40,
              "keyframes": [{"time": 0, "anchor": "top-left"}, {"time": 1, "anchor": {"x": 20, "y": 20}}, {"time": 1.6, "anchor": "center"}]}]}]}
            """).Movie!.Scenes[0].Layers[0].Look.Keyframes;

        Assert.Equal(fromJson, fromXml);
        Assert.Equal(new AnchorOffset(20, 20), fromXml[1].AnchorOffset);
    }

    [Theory]
    [InlineData("\"middle\"", "$.scenes[0].layers[0].keyframes[0].anchor")]
    [InlineData("{\"x\": 1}", "$.scenes[0].layers[0].keyframes[0].anchor.y")]
    [InlineData("{\"x\": 9000, \"y\": 0}", "$.scenes[0].layers[0].keyframes[0].anchor.x")]
    public void Malformed_keyframe_anchors_are_refused_at_their_field(string anchor, string path)
    {
        var parsed = MovieParser.Parse($$"""
            {"scenes": [{"duration": 1, "layers": [{"type": "solid", "color": "#f00", "keyframes": [{"time": 0, "anchor": {{anchor}}}]}]}]}
            """);

        Assert.Contains(parsed.Errors, e => e.Path == path);
    }
}
