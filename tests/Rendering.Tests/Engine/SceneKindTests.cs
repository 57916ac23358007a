using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Optional and choice scenes: which scene the viewer sees for which params.</summary>
public sealed class SceneKindTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string Movie = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 0.4, "background": "#ff0000"},
          {"type": "optional", "condition": "vip", "duration": 0.4, "background": "#ffff00"},
          {"type": "choice", "variable": "plan", "transition": {"type": "wipeleft", "duration": 0.2},
           "cases": [
             {"case": "gold", "duration": 0.4, "background": "#0000ff"},
             {"case": "green", "frames": 8, "background": "#00ff00", "transition": {"type": "crossfade", "duration": 0.2}}],
           "default": {"duration": 0.4, "background": "#ffffff"}},
          {"duration": 0.4, "background": "#000000", "condition": "outro"}]}
        """;

    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Yellow = (255, 255, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);
    private static readonly (int, int, int) Green = (0, 255, 0);
    private static readonly (int, int, int) White = (255, 255, 255);
    private static readonly (int, int, int) Black = (0, 0, 0);

    [Theory]
    [InlineData("vip=yes plan=gold", 10 + 10 + 10 - 5, "red yellow blue")]
    [InlineData("vip=0 plan=gold", 10 + 10 - 5, "red blue")]
    [InlineData("vip=Off plan=green outro=1", 10 + 8 - 5 + 10, "red green black")]
    [InlineData("vip=true plan=silver", 10 + 10 + 10 - 5, "red yellow white")]
    [InlineData("", 10 + 10 - 5, "red white")]
    public async Task Params_pick_the_scenes_and_their_cases(string parameters, int frames, string colours)
    {
        var values = parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var timeline = EngineFixture.Bind(Movie, values);

        Assert.Equal(frames, timeline.TotalFrames);
        var expected = colours.Split(' ').Select(c => c switch
        {
            "red" => Red, "yellow" => Yellow, "blue" => Blue, "green" => Green, "white" => White, _ => Black,
        }).ToList();
        Assert.Equal(expected.Count, timeline.Scenes.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var scene = timeline.Scenes[i];
            var frame = await fixture.StillAsync(timeline, scene.StartFrame + scene.FrameCount - 1 - (i + 1 < timeline.Scenes.Count ? timeline.Scenes[i + 1].TransitionFrames : 0));
            Assert.True(frame.IsNear(160, 90, expected[i]), $"scene {i} shows {frame.At(160, 90)}, expected {colours.Split(' ')[i]}");
        }
    }

    [Fact]
    public void A_case_keeps_its_own_transition_and_otherwise_takes_the_choices()
    {
        var gold = EngineFixture.Bind(Movie, new Dictionary<string, string> { ["plan"] = "gold" });
        var green = EngineFixture.Bind(Movie, new Dictionary<string, string> { ["plan"] = "green" });

        Assert.Equal(Model.TransitionKind.WipeLeft, gold.Scenes[1].Transition!.Kind);
        Assert.Equal(Model.TransitionKind.Crossfade, green.Scenes[1].Transition!.Kind);
    }

    [Fact]
    public void A_transition_longer_than_its_scene_fails_the_bind_and_one_on_the_first_scene_is_ignored()
    {
        var tooLong = Assert.Throws<RenderInputException>(() => EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1}, {"duration": 0.2, "transition": {"type": "crossfade", "duration": 0.4}}]}
            """));
        Assert.Equal("transition_too_long", tooLong.Code);

        var first = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"type": "optional", "condition": "intro", "duration": 1},
              {"duration": 0.2, "transition": {"type": "crossfade", "duration": 0.4}}]}
            """);
        Assert.Equal(5, first.TotalFrames);
        Assert.Null(first.Scenes[0].Transition);
    }

    [Fact]
    public void Every_scene_left_out_is_a_clear_error()
    {
        var error = Assert.Throws<RenderInputException>(() => EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"type": "optional", "condition": "x", "duration": 1}]}
            """));
        Assert.Equal("no_scenes", error.Code);
    }
}
