using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Binding;

public sealed class MovieBinderTests
{
    private const string Movie = """
        {"width": 320, "height": 180, "fps": 25,
         "scenes": [
           {"duration": 1, "background": "${bg, #000080}", "layers": [
             {"type": "text", "text": "Hi ${name}", "start": 0.2, "duration": 5, "fadeIn": 0.4}]},
           {"duration": 1.5, "layers": [
             {"type": "image", "url": "${logo}", "width": 32, "height": 32, "start": 0.5,
              "keyframes": [{"time": 0, "x": 0, "y": 0}, {"time": 1, "x": 100, "y": 0}]}]}]}
        """;

    private static Movie Parsed => MovieParser.Parse(Movie).Movie!;

    [Fact]
    public void Turns_seconds_into_scene_local_frames_and_clips_layers_to_their_scene()
    {
        var timeline = MovieBinder.Bind(Parsed, new Dictionary<string, string> { ["name"] = "Alex", ["logo"] = "https://example.com/a.png" });

        Assert.Equal(25 + 38, timeline.TotalFrames);
        Assert.Equal([0, 25], timeline.Scenes.Select(s => s.StartFrame));
        var text = timeline.Scenes[0].Layers[0];
        Assert.Equal((5, 25, 10), (text.StartFrame, text.EndFrame, text.FadeInFrames));
        Assert.Equal("Hi Alex", ((TextContent)text.Content).Block.Text);
        var image = timeline.Scenes[1].Layers[0];
        Assert.Equal((13, 38), (image.StartFrame, image.EndFrame));
        Assert.Equal([13, 38], image.Motion.X.Points.Select(k => k.Frame));
        Assert.Equal(new RgbaColor(0, 0, 0x80), timeline.Scenes[0].Background);
    }

    [Fact]
    public void A_colour_param_that_is_not_a_colour_names_the_variable()
    {
        var error = Assert.Throws<RenderInputException>(() => MovieBinder.Bind(
            Parsed, new Dictionary<string, string> { ["bg"] = "blue", ["name"] = "A", ["logo"] = "https://example.com/a.png" }));
        Assert.Equal("invalid_param", error.Code);
        Assert.Contains("'bg'", error.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("not a url")]
    public void Image_urls_that_are_not_http_are_refused_while_binding(string url)
    {
        var error = Assert.Throws<RenderInputException>(() => MovieBinder.Bind(
            Parsed, new Dictionary<string, string> { ["name"] = "A", ["logo"] = url }));
        Assert.Equal("url_refused", error.Code);
    }

    [Fact]
    public void Lists_variables_with_the_kind_of_field_they_feed()
    {
        var variables = MovieVariables.Of(Parsed);
        Assert.Equal(
            [("bg", "#000080", "color"), ("name", null, "text"), ("logo", null, "url")],
            variables.Select(v => (v.Name, v.DefaultValue, v.Type)));
    }
}
