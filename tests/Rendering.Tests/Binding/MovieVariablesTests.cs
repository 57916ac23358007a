using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Binding;

/// <summary>What <c>GET /v1/sdlvariables</c> lists: each variable once, with the frames of its first use.</summary>
public sealed class MovieVariablesTests
{
    [Fact]
    public void Each_variable_gives_the_frames_of_its_first_use_through_transitions_and_choices()
    {
        var movie = MovieParser.Parse("""
            {"width": 320, "height": 180, "fps": 25, "background": "${bg, #000000}", "scenes": [
              {"duration": 2, "layers": [
                {"type": "text", "text": "${title}", "start": 0.4, "duration": 0.8},
                {"type": "text", "text": "${title} again", "start": 1.2}]},
              {"duration": 1, "transition": {"type": "crossfade", "duration": 0.4}, "background": "${second, #101010}", "layers": [
                {"type": "solid", "color": "${tint, #ff0000}", "start": 0.2}]},
              {"type": "choice", "variable": "plan", "cases": [
                {"case": "pro", "duration": 2, "layers": [{"type": "text", "text": "${pro}"}]}],
               "default": {"duration": 3, "layers": [{"type": "text", "text": "${basic}", "start": 1}]}}]}
            """).Movie!;

        var variables = MovieVariables.Of(movie);

        // Scene 1: frames 0-49; scene 2 starts 10 frames early (crossfade): 40-64; the choice starts at 65, as long as its first case.
        Assert.Equal(
            [("bg", 0, 115), ("title", 10, 20), ("second", 40, 25), ("tint", 45, 20), ("plan", 65, 50), ("pro", 65, 50), ("basic", 90, 50)],
            variables.Select(v => (v.Name, v.Offset, v.NumFrames)));
    }
}
