using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

public sealed class SceneParserTests
{
    [Fact]
    public void Reads_optional_and_choice_scenes_frames_and_transitions()
    {
        var result = MovieParser.Parse("""
            {"scenes": [
              {"type": "optional", "condition": "vip", "frames": 12, "transition": {"type": "SlideUp", "duration": 0.25}},
              {"type": "choice", "variable": "plan", "cases": [{"case": "a", "duration": 1}], "default": {"duration": 2}}]}
            """);

        Assert.Empty(result.Errors);
        var (optional, choice) = (result.Movie!.Scenes[0], result.Movie.Scenes[1]);
        Assert.Equal((SceneType.Optional, "vip", 12), (optional.Type, optional.Condition, optional.Length.Frames));
        Assert.Equal(new Transition(TransitionKind.SlideUp, 0.25), optional.Transition);
        Assert.Equal((SceneType.Choice, "plan", "a", 2.0), (choice.Type, choice.Variable, choice.Cases[0].Case, choice.Default!.Length.Seconds));
    }

    [Theory]
    [InlineData("""{"type": "optional", "duration": 1}""", "$.scenes[0].condition")]
    [InlineData("""{"condition": "${vip}", "duration": 1}""", "$.scenes[0].condition")]
    [InlineData("""{"duration": 1, "frames": 10}""", "$.scenes[0].duration")]
    [InlineData("""{"layers": []}""", "$.scenes[0].duration")]
    [InlineData("""{"duration": 1, "transition": {"type": "spin"}}""", "$.scenes[0].transition.type")]
    [InlineData("""{"duration": 1, "transition": {"duration": 1}}""", "$.scenes[0].transition.type")]
    [InlineData("""{"type": "choice", "cases": []}""", "$.scenes[0].variable")]
    [InlineData("""{"type": "choice", "variable": "v", "cases": [{"duration": 1}]}""", "$.scenes[0].cases[0].case")]
    [InlineData("""{"type": "choice", "variable": "v", "duration": 1, "cases": []}""", "$.scenes[0].duration")]
    [InlineData("""{"duration": 1, "case": "a"}""", "$.scenes[0].case")]
    public void Reports_scene_mistakes_at_their_path(string scene, string path)
    {
        var result = MovieParser.Parse($$"""{"scenes": [{{scene}}]}""");

        Assert.Contains(path, result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Choices_count_their_longest_case_towards_the_600_second_limit() =>
        Assert.Contains("$.scenes", MovieParser.Parse("""
            {"scenes": [{"duration": 500}, {"type": "choice", "variable": "v", "cases": [{"case": "a", "duration": 50}, {"case": "b", "duration": 150}]}]}
            """).Errors.Select(e => e.Path));
}
