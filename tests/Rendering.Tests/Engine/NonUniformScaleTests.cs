using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Non-uniform scale (impossible.io's <c>scale="sx, sy"</c>, the JSON <c>scaleX</c>/<c>scaleY</c>): static, keyframed
/// and rotated, in decoded pixels of 320x180 stills at 25 fps on navy; the XML pair and its JSON parse alike.
/// </summary>
public sealed class NonUniformScaleTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Red = (255, 0, 0);

    private static string Movie(string layer) => $$"""
        {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2, "background": "#000080", "layers": [{{layer}}]}]}
        """;

    /// <summary>The red run along row <paramref name="y"/> (first column, count) and along column <paramref name="x"/> (first row, count).</summary>
    private static ((int First, int Count) Row, (int First, int Count) Column) RedExtent(DecodedFrame frame, int x, int y)
    {
        var columns = Enumerable.Range(0, frame.Width).Where(c => frame.IsNear(c, y, Red, 60)).ToList();
        var rows = Enumerable.Range(0, frame.Height).Where(r => frame.IsNear(x, r, Red, 60)).ToList();
        return ((columns.FirstOrDefault(-1), columns.Count), (rows.FirstOrDefault(-1), rows.Count));
    }

    [Fact]
    public async Task A_static_per_axis_scale_stretches_the_box_around_its_anchor()
    {
        var still = await fixture.StillAsync(EngineFixture.Bind(Movie("""
            {"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 40, "height": 40, "anchor": "center", "scaleX": 2, "scaleY": 0.5}
            """)), 5);

        var (row, column) = RedExtent(still, 160, 90);
        Assert.InRange(row.Count, 78, 82);
        Assert.InRange(row.First, 119, 121);
        Assert.InRange(column.Count, 18, 22);
        Assert.InRange(column.First, 79, 81);
    }

    [Fact]
    public async Task Keyframes_scale_one_axis_while_the_other_keeps_the_layers_scale()
    {
        var timeline = EngineFixture.Bind(Movie("""
            {"type": "solid", "color": "#ff0000", "x": 100, "y": 60, "width": 40, "height": 40, "scale": 1.5,
             "keyframes": [{"time": 0, "scaleX": 1}, {"time": 1, "scaleX": 3}]}
            """));

        var first = RedExtent(await fixture.StillAsync(timeline, 0), 110, 70);
        var middle = RedExtent(await fixture.StillAsync(timeline, 12), 110, 70);
        var end = RedExtent(await fixture.StillAsync(timeline, 30), 110, 70);

        Assert.Equal((100, 40), first.Row);
        Assert.InRange(middle.Row.Count, 76, 80);
        Assert.Equal((100, 120), end.Row);
        Assert.All(new[] { first, middle, end }, e => Assert.Equal((60, 60), e.Column));
    }

    [Fact]
    public async Task A_stretched_box_turns_as_a_whole_around_its_anchor()
    {
        var still = await fixture.StillAsync(EngineFixture.Bind(Movie("""
            {"type": "solid", "color": "#ff0000", "x": 160, "y": 90, "width": 40, "height": 40, "anchor": "center", "scaleX": 2, "scaleY": 0.5, "rotation": 90}
            """)), 5);

        var (row, column) = RedExtent(still, 160, 90);
        Assert.InRange(row.Count, 18, 23);
        Assert.InRange(column.Count, 77, 83);
        Assert.InRange(column.First, 48, 52);
    }

    [Fact]
    public async Task Per_axis_scale_from_variables_is_bound_per_render()
    {
        var still = await fixture.StillAsync(EngineFixture.Bind(Movie("""
            {"type": "solid", "color": "#ff0000", "x": 100, "y": 60, "width": 40, "height": 40, "scaleX": "${sx, 1}"}
            """), new Dictionary<string, string> { ["sx"] = "2.5" }), 0);

        Assert.Equal(((100, 100), (60, 40)), RedExtent(still, 110, 70));
    }

    [Fact]
    public void An_xml_scale_pair_becomes_the_same_per_axis_scale_and_keyframes_as_its_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25"><scene duration="50">
              <solid color="#ff0000" position="100, 60" width="40" height="40" scale="2, 0.5">
                <animation><key time="0" scale="1.5, 1.5"/><key time="25" scale="3, 1"/></animation>
              </solid>
            </scene></movie>
            """);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers[0].Look;
        var fromJson = MovieParser.Parse("""
            {"scenes": [{"duration": 2, "layers": [{"type": "solid", "color": "#ff0000", "x": 100, "y": 60, "width": 40, "height": 40,
              "scaleX": 2, "scaleY": 0.5, "keyframes": [{"time": 0, "scale": 1.5}, {"time": 1, "scaleX": 3, "scaleY": 1}]}]}]}
            """).Movie!.Scenes[0].Layers[0].Look;

        Assert.Equal((2.0, 0.5), (fromXml.ScaleX, fromXml.ScaleY));
        Assert.Equal((fromJson.Scale, fromJson.ScaleX, fromJson.ScaleY), (fromXml.Scale, fromXml.ScaleX, fromXml.ScaleY));
        Assert.Equal(fromJson.Keyframes, fromXml.Keyframes);
    }

    [Theory]
    [InlineData("\"scaleX\": 0", "$.scenes[0].layers[0].scaleX")]
    [InlineData("\"scaleY\": 101", "$.scenes[0].layers[0].scaleY")]
    [InlineData("\"keyframes\": [{\"time\": 0, \"scaleY\": 0.001}]", "$.scenes[0].layers[0].keyframes[0].scaleY")]
    [InlineData("\"scaleX\": \"wide\"", "$.scenes[0].layers[0].scaleX")]
    [InlineData("\"keyframes\": [{\"time\": 0, \"scaleX\": \"${sx, 2}\"}]", "$.scenes[0].layers[0].keyframes[0].scaleX")]
    public void Out_of_range_per_axis_scales_are_refused_at_their_field(string field, string path)
    {
        var parsed = MovieParser.Parse($$"""{"scenes": [{"duration": 1, "layers": [{"type": "solid", "color": "#f00", {{field}}}]}]}""");

        Assert.Contains(parsed.Errors, e => e.Path == path);
    }
}
