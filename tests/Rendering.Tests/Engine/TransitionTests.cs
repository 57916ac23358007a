using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Planning;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Transitions overlap two scenes; these tests look at the blended pixels and count the frames.</summary>
public sealed class TransitionTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) Blue = (0, 0, 255);
    private static readonly (int, int, int) Green = (0, 255, 0);
    private static readonly (int, int, int) Purple = (128, 0, 128);

    /// <summary>Red 1 s, then blue 1 s entering with a 0.4 s (10 frame) transition: 40 frames, the blend on frames 15–24.</summary>
    private static string TwoScenes(string transition) => $$$"""
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "#ff0000"},
          {"duration": 1, "background": "#0000ff", "transition": {"type": "{{{transition}}}", "duration": 0.4}}]}
        """;

    [Theory]
    [InlineData("crossfade", "purple", "purple", "purple", "purple")]
    [InlineData("fadeblack", "dark", "dark", "dark", "dark")]
    [InlineData("wipeleft", "red", "blue", "-", "-")]
    [InlineData("wiperight", "blue", "red", "-", "-")]
    [InlineData("wipeup", "-", "-", "red", "blue")]
    [InlineData("wipedown", "-", "-", "blue", "red")]
    [InlineData("slideleft", "red", "blue", "-", "-")]
    [InlineData("slideright", "blue", "red", "-", "-")]
    [InlineData("slideup", "-", "-", "red", "blue")]
    [InlineData("slidedown", "-", "-", "blue", "red")]
    public async Task Each_transition_shows_both_scenes_half_way_through(string type, string left, string right, string top, string bottom)
    {
        var timeline = EngineFixture.Bind(TwoScenes(type));
        Assert.Equal(40, timeline.TotalFrames);

        var before = await fixture.StillAsync(timeline, 14);
        var middle = await fixture.StillAsync(timeline, 20);
        var after = await fixture.StillAsync(timeline, 25);

        Assert.True(before.IsNear(160, 90, Red), "the transition starts at frame 15");
        Assert.True(after.IsNear(160, 90, Blue), "the transition ends after frame 24");
        foreach (var (x, y, expected) in new[] { (40, 90, left), (280, 90, right), (160, 20, top), (160, 160, bottom) })
        {
            var pixel = middle.At(x, y);
            var ok = expected switch
            {
                "purple" => middle.IsNear(x, y, Purple, 30),
                "dark" => pixel.R < 30 && pixel.G < 30 && pixel.B < 100,
                "red" => middle.IsNear(x, y, Red),
                "blue" => middle.IsNear(x, y, Blue),
                _ => true,
            };
            Assert.True(ok, $"{type} at {x},{y} is {pixel}, expected {expected}");
        }
    }

    [Fact]
    public async Task A_crossfade_mixes_the_scenes_linearly_frame_by_frame_and_leaves_the_frames_around_it_alone()
    {
        // Each point sees different colours in the two scenes, so a plane or a colour channel mixed wrongly shows.
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1, "background": "#ff0000", "layers": [
                {"type": "solid", "color": "#ffffff", "x": 0, "y": 0, "width": 100, "height": 180}]},
              {"duration": 1, "background": "#0000ff", "transition": {"type": "crossfade", "duration": 0.4}, "layers": [
                {"type": "solid", "color": "#00ff00", "x": 220, "y": 0, "width": 100, "height": 180}]}]}
            """);
        var points = new[] { (50, 90, (255, 255, 255), Blue), (160, 90, Red, Blue), (270, 90, Red, Green) };
        var movie = await fixture.RenderAsync(timeline, OutputFormat.Mp4);

        foreach (var frame in new[] { 13, 14, 15, 16, 18, 20, 22, 24, 25, 26 })
        {
            var decoded = await MediaInspector.DecodeFrameAsync(movie, frame, 320, 180);
            var weight = Math.Clamp((frame - 15) / 10.0, 0, 1);
            foreach (var (x, y, from, to) in points)
            {
                var expected = Mix(from, to, weight);
                Assert.True(decoded.IsNear(x, y, expected, 12), $"frame {frame} at {x},{y} is {decoded.At(x, y)}, expected {expected}");
            }
        }
    }

    private static (int, int, int) Mix((int R, int G, int B) from, (int R, int G, int B) to, double weight) =>
        ((int)Math.Round(from.R + ((to.R - from.R) * weight)), (int)Math.Round(from.G + ((to.G - from.G) * weight)), (int)Math.Round(from.B + ((to.B - from.B) * weight)));

    [Fact]
    public async Task Scenes_overlap_by_their_transitions_and_the_movie_has_exactly_the_remaining_frames()
    {
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1, "background": "#ff0000"},
              {"frames": 25, "background": "#0000ff", "transition": {"type": "crossfade", "duration": 0.4}},
              {"duration": 1, "background": "#00ff00", "transition": {"type": "wipeleft", "duration": 0.2}}]}
            """);
        Assert.Equal(75 - 10 - 5, timeline.TotalFrames);

        var movie = await fixture.RenderAsync(timeline, OutputFormat.Mp4);

        var facts = await MediaInspector.ProbeAsync(movie);
        Assert.Equal(60, facts.FrameCount);
        Assert.Equal(2.4, facts.DurationSeconds, 2);
        Assert.True((await MediaInspector.DecodeFrameAsync(movie, 10, 320, 180)).IsNear(160, 90, Red));
        Assert.True((await MediaInspector.DecodeFrameAsync(movie, 20, 320, 180)).IsNear(160, 90, Purple, 30));
        Assert.True((await MediaInspector.DecodeFrameAsync(movie, 30, 320, 180)).IsNear(160, 90, Blue));
        Assert.True((await MediaInspector.DecodeFrameAsync(movie, 59, 320, 180)).IsNear(160, 90, Green));
    }

    [Fact]
    public async Task Stills_and_segments_inside_a_transition_equal_the_frames_of_the_whole_movie()
    {
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1, "background": "#ff0000", "layers": [
                {"type": "solid", "color": "#ffffff", "x": 0, "y": 0, "width": 100, "height": 180, "fadeOut": 0.6}]},
              {"duration": 1, "background": "#0000ff", "transition": {"type": "slideleft", "duration": 0.4}, "layers": [
                {"type": "solid", "color": "#00ff00", "x": 220, "y": 0, "width": 100, "height": 180, "fadeIn": 0.6}]}]}
            """);
        var whole = await fixture.RenderAsync(timeline, OutputFormat.Webm);
        var segment = await fixture.RenderAsync(timeline, OutputFormat.Webm, new FrameRange(18, 30));
        Assert.Equal(12, (await MediaInspector.ProbeAsync(segment)).FrameCount);

        foreach (var frame in new[] { 15, 19, 23, 24 })
        {
            var still = await fixture.StillAsync(timeline, frame);
            var fromWhole = await MediaInspector.DecodeFrameAsync(whole, frame, 320, 180);
            foreach (var (x, y) in new[] { (20, 90), (90, 90), (160, 90), (240, 90), (300, 90) })
            {
                Assert.True(fromWhole.IsNear(x, y, still.At(x, y), 30), $"frame {frame} at {x},{y}: whole {fromWhole.At(x, y)}, still {still.At(x, y)}");
                if (frame >= 18)
                {
                    var fromSegment = await MediaInspector.DecodeFrameAsync(segment, frame - 18, 320, 180);
                    Assert.True(fromSegment.IsNear(x, y, still.At(x, y), 30), $"frame {frame} at {x},{y}: segment {fromSegment.At(x, y)}, still {still.At(x, y)}");
                }
            }
        }
    }

    [Fact]
    public async Task Segments_planned_around_transitions_join_into_the_whole_movie()
    {
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 0.8, "background": "#ff0000"},
              {"duration": 0.8, "background": "#0000ff", "transition": {"type": "crossfade", "duration": 0.4}},
              {"duration": 0.8, "background": "#00ff00", "transition": {"type": "wipeup", "duration": 0.4}}]}
            """);
        var ranges = SegmentPlanner.Plan(timeline, OutputFormat.Mp4, 3);
        var segments = new List<string>();
        foreach (var range in ranges)
        {
            segments.Add(await fixture.RenderAsync(timeline, OutputFormat.Mp4, range));
        }

        var joined = Path.Combine(fixture.Work, $"joined-{Guid.NewGuid():N}.mp4");
        await fixture.Services.GetRequiredService<Rendering.Engine.SegmentAssembler>().AssembleAsync(segments, OutputFormat.Mp4, fixture.Work, joined, CancellationToken.None);
        var whole = await fixture.RenderAsync(timeline, OutputFormat.Mp4);

        Assert.Equal(timeline.TotalFrames, (await MediaInspector.ProbeAsync(joined)).FrameCount);
        Assert.True(await MediaInspector.PsnrAsync(joined, whole) > 35);
    }
}
