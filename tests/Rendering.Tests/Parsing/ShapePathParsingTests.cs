using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Shapes;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>Shape outlines from SVG path data or polygon points: canonical forms, strict refusals with their paths, XML.</summary>
public sealed class ShapePathParsingTests
{
    [Theory]
    [InlineData("M10 20 L30 40 Z", "M 10 20 L 30 40 Z")]
    [InlineData("m10,20 l20,20 h5 v-5 z", "M 10 20 L 30 40 L 35 40 L 35 35 Z")]
    [InlineData("M0 0 10 0 10 10", "M 0 0 L 10 0 L 10 10")]
    [InlineData("M0 0C1 2 3 4 5 6S9 10 11 12", "M 0 0 C 1 2 3 4 5 6 C 7 8 9 10 11 12")]
    [InlineData("M0 0Q5 5 10 0T20 0", "M 0 0 Q 5 5 10 0 Q 15 -5 20 0")]
    [InlineData("M0 0a5 5 0 0110 0", "M 0 0 A 5 5 0 0 1 10 0")]
    [InlineData("M.5.5-1e1-2E+0", "M 0.5 0.5 L -10 -2")]
    public void Path_data_becomes_absolute_canonical_commands(string data, string canonical)
    {
        Assert.Equal(canonical, SvgPathData.Normalize(data, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("L 10 10", "must begin with a moveto")]
    [InlineData("M 10", "without its 2 numbers")]
    [InlineData("M 0 0 X 5 5", "not a path command")]
    [InlineData("M 0 0 Z 5 5", "command letter")]
    [InlineData("M 0 0 A -5 5 0 0 1 10 10", "negative radius")]
    [InlineData("M 0 0 A 5 5 0 2 1 10 10", "without its 7 numbers")]
    [InlineData("M 1e9 0", "beyond")]
    [InlineData("M 0 0 L NaN 1", "without its 2 numbers")]
    public void Bad_path_data_is_refused_with_the_reason(string data, string reason)
    {
        Assert.Null(SvgPathData.Normalize(data, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Paths_and_polygons_are_bounded()
    {
        Assert.Contains("more than 1000 commands", Error(SvgPathData.Normalize("M0 0" + string.Concat(Enumerable.Repeat(" L1 1", 1000)), out var e1), e1));
        Assert.Contains("more than 1000 points", Error(SvgPathData.FromPoints(string.Concat(Enumerable.Repeat("1,1 ", 1001)), out var e2), e2));
        Assert.Equal("M 0 0 L 10 0 L 5 8 Z", SvgPathData.FromPoints(" 0,0 10 0, 5,8 ", out _));
        Assert.Contains("at least 3 points", Error(SvgPathData.FromPoints("0,0 1,1", out var e3), e3));
        Assert.Contains("pairs of numbers", Error(SvgPathData.FromPoints("0,0 1,1 2", out var e4), e4));
    }

    private static string Error(string? result, string? error)
    {
        Assert.Null(result);
        return error!;
    }

    [Theory]
    [InlineData("""{"type": "shape", "path": "M 0 0 L 5"}""", "$.scenes[0].layers[0].path", "without its 2 numbers")]
    [InlineData("""{"type": "shape", "points": "0,0 1,1"}""", "$.scenes[0].layers[0].points", "at least 3 points")]
    [InlineData("""{"type": "shape", "points": "0,0 9,0 0,9", "path": "M0 0 L1 1"}""", "$.scenes[0].layers[0].points", "exclude each other")]
    [InlineData("""{"type": "shape", "path": "M0 0 L1 1", "shape": "ellipse"}""", "$.scenes[0].layers[0].shape", "does not apply")]
    [InlineData("""{"type": "shape", "points": "0,0 9,0 0,9", "cornerRadius": 4}""", "$.scenes[0].layers[0].cornerRadius", "does not apply")]
    [InlineData("""{"type": "shape", "path": "${outline}"}""", "$.scenes[0].layers[0].path", "command letter")]
    [InlineData("""{"type": "shape", "path": "M 0 0 L 1 1 Q"}""", "$.scenes[0].layers[0].path", "without its 4 numbers")]
    public void Bad_outlines_are_refused_at_their_json_path(string layer, string path, string reason)
    {
        var errors = MovieParser.Parse($$"""{"scenes": [{"duration": 1, "layers": [{{layer}}]}]}""").Errors;

        Assert.True(errors.Any(e => e.Path == path && e.Message.Contains(reason, StringComparison.Ordinal)), string.Join("; ", errors.Select(e => $"{e.Path} {e.Message}")));
    }

    [Fact]
    public void Xml_shape_paths_and_points_translate_to_the_same_layers_as_their_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25">
              <scene duration="25">
                <shape path="M0 0 L100 0 L50 80 Z" fill="#ff0000" stroke="#ffffff" linewidth="4" width="100" height="80"/>
                <shape points="0,0 100,0 50,80" fill="#00ff00" position="100, 0" width="100" height="80"/>
              </scene>
            </movie>
            """);
        var json = MovieParser.Parse("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"frames": 25, "layers": [
              {"type": "shape", "path": "M0 0 L100 0 L50 80 Z", "fill": "#ff0000", "stroke": "#ffffff", "strokeWidth": 4, "width": 100, "height": 80},
              {"type": "shape", "points": "0,0 100,0 50,80", "fill": "#00ff00", "x": 100, "y": 0, "width": 100, "height": 80}]}]}
            """);

        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers.Cast<ShapeLayer>().ToList();
        var fromJson = json.Movie!.Scenes[0].Layers.Cast<ShapeLayer>().ToList();
        Assert.Equal(fromJson.Select(Describe), fromXml.Select(Describe));
        Assert.Equal("M 0 0 L 100 0 L 50 80 Z", fromXml[1].Path);
    }

    private static string Describe(ShapeLayer layer) => $"{layer with { NumberTemplates = new Dictionary<string, string>(), Look = LayerLook.Default }} {layer.Path}";

    [Fact]
    public void Bad_xml_outlines_are_reported_at_their_attribute()
    {
        var translation = XmlMovieTranslator.Translate("""<movie width="320" height="180" framerate="25"><scene duration="25"><shape path="M 0 0 Q 1"/></scene></movie>""");

        Assert.Contains(translation.Errors, e => e.Path == "/movie/scene[1]/shape[1]/@path" && e.Message.Contains("without its 4 numbers"));
    }
}
