using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

public sealed class MovieParserTests
{
    [Fact]
    public void Reads_a_movie_with_every_v1_layer_type()
    {
        var result = MovieParser.Parse("""
            {"width": 320, "height": 180, "fps": 25, "background": "#102030",
             "scenes": [{"duration": 2, "background": "${bg, #000080}", "layers": [
               {"type": "solid", "color": "#ff000080", "x": 10, "y": 10, "width": 20, "height": 20, "start": 0.5, "duration": 1},
               {"type": "text", "text": "Hi ${name}", "fontSize": 30, "align": "left", "verticalAlign": "top", "fadeIn": 0.5, "fadeOut": 0.25},
               {"type": "image", "url": "${logo}", "width": 64, "height": 48, "fit": "cover",
                "keyframes": [{"time": 0, "x": 0, "y": 0}, {"time": 1, "x": 100, "y": 50}]}]}]}
            """);

        Assert.Empty(result.Errors);
        var movie = result.Movie!;
        Assert.Equal((320, 180, FrameRate.Whole(25)), (movie.Width, movie.Height, movie.Fps));
        var layers = movie.Scenes[0].Layers;
        Assert.IsType<SolidLayer>(layers[0]);
        var text = Assert.IsType<TextLayer>(layers[1]);
        Assert.Equal(("left", "top", 0.5, 0.25), (text.Align, text.VerticalAlign, text.Timing.FadeIn, text.Timing.FadeOut));
        var image = Assert.IsType<ImageLayer>(layers[2]);
        Assert.Equal(2, image.Look.Keyframes.Count);
    }

    [Theory]
    [InlineData("\"30000/1001\"", "30000/1001")]
    [InlineData("29.97", "30000/1001")]
    [InlineData("\"24000/1001\"", "24000/1001")]
    [InlineData("59.94", "60000/1001")]
    [InlineData("12.5", "25/2")]
    [InlineData("60", "60")]
    public void Fps_is_a_number_or_a_fraction(string fps, string read) =>
        Assert.Equal(read, MovieParser.Parse($$"""{"fps": {{fps}}, "scenes": [{"duration": 1}]}""").Movie!.Fps.ToString());

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("0.5")]
    [InlineData("\"60001/1000\"")]
    [InlineData("\"fast\"")]
    [InlineData("true")]
    public void Fps_outside_1_to_60_or_not_a_rate_is_refused(string fps) =>
        Assert.Contains(MovieParser.Parse($$"""{"fps": {{fps}}, "scenes": [{"duration": 1}]}""").Errors, e => e.Path == "$.fps");

    [Theory]
    [InlineData("""{"h264Profile": "extended"}""", "$.output.h264Profile")]
    [InlineData("""{"crf": 52}""", "$.output.crf")]
    [InlineData("""{"videoBitrate": "2M"}""", "$.output.videoBitrate")]
    [InlineData("""{"audioBitrate": 1000}""", "$.output.audioBitrate")]
    [InlineData("""{"proresProfile": "4444"}""", "$.output.proresProfile")]
    [InlineData("""{"gifFps": 26}""", "$.output.gifFps")]
    [InlineData("""{"gifColors": 1}""", "$.output.gifColors")]
    [InlineData("""{"preset": "slow"}""", "$.output.preset")]
    public void The_output_block_takes_only_named_choices_and_bounded_numbers(string output, string path) =>
        Assert.Contains(MovieParser.Parse($$"""{"fps": 25, "output": {{output}}, "scenes": [{"duration": 1}]}""").Errors, e => e.Path == path);

    [Fact]
    public void The_output_block_is_read_with_every_field()
    {
        var movie = MovieParser.Parse("""
            {"fps": 25, "scenes": [{"duration": 1}], "output": {"h264Profile": "Baseline", "crf": 20, "videoBitrate": 2500,
             "audioBitrate": 192, "proresProfile": "hq", "gifFps": 10, "gifColors": 64}}
            """).Movie!;

        Assert.Equal(
            new OutputSettings { H264Profile = "baseline", Crf = 20, VideoBitrateKbps = 2500, AudioBitrateKbps = 192, ProresProfile = "hq", GifFps = 10, GifColors = 64 },
            movie.Output);
        Assert.Equal(OutputSettings.Default, MovieParser.Parse("""{"scenes": [{"duration": 1}]}""").Movie!.Output);
    }

    [Fact]
    public void Reports_every_problem_with_its_json_path()
    {
        var result = MovieParser.Parse("""
            {"width": 321, "fps": 0, "scenes": [{"duration": 1, "layers": [
              {"type": "text", "fontSize": "big"},
              {"type": "wobble"},
              {"type": "solid", "color": "purple", "colour": "#fff"},
              {"type": "image", "url": "http://x/a.png"}]}], "extra": 1}
            """);

        Assert.Null(result.Movie);
        var paths = result.Errors.Select(e => e.Path).ToHashSet();
        Assert.Contains("$.width", paths);
        Assert.Contains("$.fps", paths);
        Assert.Contains("$.extra", paths);
        Assert.Contains("$.scenes[0].layers[0].text", paths);
        Assert.Contains("$.scenes[0].layers[0].fontSize", paths);
        Assert.Contains("$.scenes[0].layers[1].type", paths);
        Assert.Contains("$.scenes[0].layers[2].color", paths);
        Assert.Contains("$.scenes[0].layers[2].colour", paths);
        Assert.Contains("$.scenes[0].layers[3].width", paths);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"scenes": []}""")]
    [InlineData("""{"scenes": [{"duration": 700}]}""")]
    [InlineData("""{"scenes": [{"duration": 1, "layers": [{"type": "text", "text": "${open"}]}]}""")]
    public void Rejects_documents_that_cannot_be_a_movie(string json) => Assert.NotEmpty(MovieParser.Parse(json).Errors);
}
