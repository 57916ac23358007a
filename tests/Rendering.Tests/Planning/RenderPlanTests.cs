using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Planning;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Planning;

public sealed class RenderPlanTests
{
    private const string Movie = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [{"type": "image", "url": "logo.png", "width": 64, "height": 64}]},
          {"duration": 1, "background": "#006400", "layers": [{"type": "text", "text": "middle", "fontSize": 30, "filters": [{"type": "lut", "url": "grade.cube"}]}]},
          {"duration": 1, "background": "#800000", "layers": [{"type": "text", "text": "Bye ${name}", "fontSize": 30}]}],
         "audio": {"url": "song.mp3"}}
        """;

    private static readonly Dictionary<string, string> Assets = new() { ["logo.png"] = "aaa", ["song.mp3"] = "bbb", ["grade.cube"] = "ccc" };

    private static RenderPlan Plan(
        string name = "Alex", int parallel = 3, string format = "mp4", EncoderSettings? encoder = null, IReadOnlyDictionary<string, string>? assets = null,
        string json = Movie)
    {
        var movie = MovieParser.Parse(json).Movie!;
        var timeline = MovieBinder.Bind(movie, new Dictionary<string, string> { ["name"] = name }, new Dictionary<string, double> { ["asset:song.mp3"] = 3 });
        Assert.True(OutputFormats.TryParse(format, out var output));
        return RenderPlan.For(timeline, new OutputSpec(output), parallel, encoder ?? new EncoderSettings(), assets ?? Assets);
    }

    private static string[] Keys(RenderPlan plan) => [.. plan.Segments.Select(s => s.Unit), plan.Sound ?? "", plan.Final];

    [Fact]
    public void The_same_movie_and_params_plan_the_same_units()
    {
        Assert.Equal(Keys(Plan()), Keys(Plan()));
        Assert.Equal(3, Plan().Segments.Count);
        Assert.Equal(5, Keys(Plan()).Distinct().Count());
    }

    [Fact]
    public void A_param_shown_only_in_the_last_scene_changes_only_the_last_segment_and_the_join()
    {
        var (alex, sam) = (Plan("Alex"), Plan("Sam"));

        Assert.Equal(alex.Segments.Take(2).Select(s => s.Unit), sam.Segments.Take(2).Select(s => s.Unit));
        Assert.NotEqual(alex.Segments[2].Unit, sam.Segments[2].Unit);
        Assert.Equal(alex.Sound, sam.Sound);
        Assert.NotEqual(alex.Final, sam.Final);
    }

    [Fact]
    public void A_new_version_of_an_asset_changes_the_units_that_read_it()
    {
        var image = Plan(assets: new Dictionary<string, string>(Assets) { ["logo.png"] = "changed" });
        var sound = Plan(assets: new Dictionary<string, string>(Assets) { ["song.mp3"] = "changed" });
        var lut = Plan(assets: new Dictionary<string, string>(Assets) { ["grade.cube"] = "changed" });
        var plan = Plan();

        Assert.Equal([plan.Segments[0].Unit, plan.Segments[2].Unit], [lut.Segments[0].Unit, lut.Segments[2].Unit]);
        Assert.NotEqual(plan.Segments[1].Unit, lut.Segments[1].Unit);

        Assert.NotEqual(plan.Segments[0].Unit, image.Segments[0].Unit);
        Assert.Equal(plan.Segments.Skip(1).Select(s => s.Unit), image.Segments.Skip(1).Select(s => s.Unit));
        Assert.Equal(plan.Segments.Select(s => s.Unit), sound.Segments.Select(s => s.Unit));
        Assert.NotEqual(plan.Sound, sound.Sound);
    }

    [Fact]
    public void Encoder_settings_and_the_format_are_part_of_every_unit()
    {
        var slower = Plan(encoder: new EncoderSettings { X264Crf = 18 });
        var webm = Plan(format: "webm");

        Assert.Empty(Keys(Plan()).Intersect(Keys(slower)));
        Assert.Empty(Keys(Plan()).Intersect(Keys(webm)));
    }

    [Fact]
    public void The_movies_output_block_is_part_of_every_unit()
    {
        var chosen = Plan(json: Movie.Replace("\"fps\": 25,", "\"fps\": 25, \"output\": {\"crf\": 30, \"audioBitrate\": 96},", StringComparison.Ordinal));

        Assert.Empty(Keys(Plan()).Intersect(Keys(chosen)));
    }

    [Theory]
    [InlineData("flv")]
    [InlineData("mpeg")]
    [InlineData("wmv")]
    [InlineData("mov")]
    [InlineData("gif")]
    public void Formats_that_do_not_join_by_stream_copy_are_one_unit_whatever_parallel_says(string format)
    {
        var plan = Plan(parallel: 3, format: format);

        Assert.Equal(plan.Final, Assert.Single(plan.Segments).Unit);
        Assert.Null(plan.Sound);
    }

    [Fact]
    public void One_segment_is_the_output_itself_and_carries_the_sound()
    {
        var plan = Plan(parallel: 1);

        var segment = Assert.Single(plan.Segments);
        Assert.Null(plan.Sound);
        Assert.Equal(segment.Unit, plan.Final);
        Assert.False(plan.IsJoined);
        Assert.NotEqual(segment.Unit, Plan().Segments[0].Unit);
    }
}
