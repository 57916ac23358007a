using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Planning;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Planning;

public sealed class StreamPlanTests
{
    private static StreamPlan Plan(string name = "Alex", string sceneSeconds = "3.1", OutputFormat format = OutputFormat.Mp4, string audio = "")
    {
        var movie = MovieParser.Parse($$"""
            {"width": 320, "height": 180, "fps": 30, {{audio}} "scenes": [
              {"duration": {{sceneSeconds}}, "background": "#000080"},
              {"duration": 4, "background": "#006400", "layers": [{"type": "text", "text": "Bye ${name}", "fontSize": 30}]}]}
            """).Movie!;
        var timeline = MovieBinder.Bind(movie, new Dictionary<string, string> { ["name"] = name }, new Dictionary<string, double> { ["asset:song.mp3"] = 9 });
        return StreamPlan.For(timeline, format, new StreamPieceLengths(1, 2), new EncoderSettings(), new Dictionary<string, string> { ["song.mp3"] = "v1" });
    }

    [Fact]
    public void Pieces_cover_the_movie_in_order_the_first_short_and_cuts_snapped_to_a_nearby_scene_cut()
    {
        var plan = Plan();

        Assert.Equal(0, plan.Pieces[0].Range.Start);
        Assert.Equal(30, plan.Pieces[0].Range.End);
        Assert.Equal(93, plan.Pieces[1].Range.End); // 90 ideally; the scene cut at 93 is within a quarter of a piece
        Assert.Equal(150, plan.Pieces[2].Range.End);
        Assert.Equal((150, 213), (plan.Pieces[^1].Range.Start, plan.Pieces[^1].Range.End)); // 3 frames left over join the last piece
        Assert.All(plan.Pieces.Zip(plan.Pieces.Skip(1)), p => Assert.Equal(p.First.Range.End, p.Second.Range.Start));
        Assert.Equal(plan.TotalFrames, plan.Pieces[^1].Range.End);
        Assert.Equal(plan.Pieces.Count, plan.Pieces.Select(p => p.Unit).Distinct().Count());
    }

    [Fact]
    public void A_param_shown_only_at_the_end_changes_only_the_pieces_that_show_it()
    {
        var (alex, sam) = (Plan("Alex"), Plan("Sam"));

        Assert.Equal(alex.Pieces[0].Unit, sam.Pieces[0].Unit);
        Assert.NotEqual(alex.Pieces[^1].Unit, sam.Pieces[^1].Unit);
    }

    [Fact]
    public void The_sound_is_one_unit_and_every_piece_names_it()
    {
        var silent = Plan();
        var sounding = Plan(audio: "\"audio\": {\"url\": \"song.mp3\"},");

        Assert.Null(silent.Sound);
        Assert.NotNull(sounding.Sound);
        Assert.All(silent.Pieces.Zip(sounding.Pieces), p => Assert.NotEqual(p.First.Unit, p.Second.Unit));
        Assert.NotEqual(Plan(format: OutputFormat.Webm).Pieces[0].Unit, silent.Pieces[0].Unit);
    }

    [Fact]
    public void Only_mp4_and_webm_are_streamed()
    {
        Assert.True(StreamPlan.IsStreamable(OutputFormat.Mp4));
        Assert.True(StreamPlan.IsStreamable(OutputFormat.Webm));
        Assert.False(StreamPlan.IsStreamable(OutputFormat.Gif));
        Assert.Throws<ArgumentException>(() => Plan(format: OutputFormat.Gif));
    }
}
