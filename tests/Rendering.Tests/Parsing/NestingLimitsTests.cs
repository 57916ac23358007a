using System.Text;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>How deep a movie may nest, in JSON and in XML: the limit is an error at the path where it is passed, never a crash.</summary>
public sealed class NestingLimitsTests
{
    /// <summary>A choice scene whose default is a choice scene, <paramref name="depth"/> scenes in all.</summary>
    private static string JsonChoices(int depth)
    {
        var json = """{"duration": 1}""";
        for (var i = 1; i < depth; i++)
        {
            json = $$"""{"type": "choice", "variable": "v", "cases": [], "default": {{json}}}""";
        }

        return $$"""{"scenes": [{{json}}]}""";
    }

    private static string XmlChoices(int depth) =>
        "<movie>" + string.Concat(Enumerable.Repeat("""<scene type="choice" variable="v">""", depth - 1)) + """<scene duration="1"/>"""
        + string.Concat(Enumerable.Repeat("</scene>", depth - 1)) + "</movie>";

    [Fact]
    public void Sixteen_levels_of_scenes_parse_and_a_seventeenth_is_an_error_at_its_path()
    {
        Assert.Empty(MovieParser.Parse(JsonChoices(MovieLimits.MaxSceneDepth)).Errors);

        var error = Assert.Single(MovieParser.Parse(JsonChoices(MovieLimits.MaxSceneDepth + 1)).Errors);
        Assert.Equal("$.scenes[0]" + string.Concat(Enumerable.Repeat(".default", MovieLimits.MaxSceneDepth)) + ".type", error.Path);
        Assert.Contains("nested more than 16 levels", error.Message);
    }

    [Fact]
    public void Json_nested_past_the_document_depth_is_an_error_not_a_crash()
    {
        var deep = "{\"scenes\": [" + new string('[', 5000) + new string(']', 5000) + "]}";

        var error = Assert.Single(MovieParser.Parse(deep).Errors);
        Assert.Contains("depth", error.Message);
    }

    [Fact]
    public void Xml_scenes_nest_sixteen_levels_and_the_seventeenth_is_named_by_its_xml_path()
    {
        Assert.Empty(XmlMovieTranslator.Translate(XmlChoices(MovieLimits.MaxSceneDepth)).Errors);

        var error = Assert.Single(XmlMovieTranslator.Translate(XmlChoices(MovieLimits.MaxSceneDepth + 1)).Errors);
        Assert.Equal("/movie/scene[1]" + string.Concat(Enumerable.Repeat("/scene[1]", MovieLimits.MaxSceneDepth)), error.Path);
        Assert.Contains("at most 16 levels", error.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2_000)]
    [InlineData(40_000)]
    public void Deeply_nested_xml_is_refused_before_it_is_built(int depth)
    {
        var error = Assert.Single(XmlMovieTranslator.Translate(XmlChoices(depth)).Errors);

        Assert.StartsWith("/movie/scene/scene", error.Path);
        Assert.Contains($"more than {MovieLimits.MaxDocumentDepth} levels", error.Message);
    }

    [Fact]
    public void Unpaired_surrogate_escapes_in_a_movie_are_an_error()
    {
        var result = MovieParser.Parse("""{"scenes": [{"duration": 1, "layers": [{"type": "text", "text": "\ud800"}]}]}""");

        Assert.Null(result.Movie);
        Assert.Contains("unpaired surrogate", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Non_finite_numbers_in_strings_are_refused()
    {
        var result = MovieParser.Parse("""{"scenes": [{"duration": 1, "layers": [{"type": "solid", "color": "#000000", "x": "NaN"}]}]}""");

        Assert.Contains(result.Errors, e => e.Path == "$.scenes[0].layers[0].x");
    }
}
