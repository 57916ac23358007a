using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Planning;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Planning;

public sealed class SegmentPlannerTests
{
    private static Timeline Scenes(params int[] frames)
    {
        var start = 0;
        var scenes = frames.Select(f => { var scene = new TimelineScene(start, f, new RgbaColor(0, 0, 0), []); start += f; return scene; }).ToList();
        return new Timeline(320, 180, FrameRate.Whole(25), scenes);
    }

    [Fact]
    public void Splits_into_contiguous_ranges_that_cover_every_frame_once()
    {
        var ranges = SegmentPlanner.Plan(Scenes(100), OutputFormat.Mp4, 3);

        Assert.Equal([new FrameRange(0, 33), new FrameRange(33, 67), new FrameRange(67, 100)], ranges);
    }

    [Fact]
    public void Moves_cuts_to_nearby_scene_boundaries()
    {
        var ranges = SegmentPlanner.Plan(Scenes(40, 55, 5), OutputFormat.Webm, 2);

        Assert.Equal([new FrameRange(0, 40), new FrameRange(40, 100)], ranges);
    }

    [Fact]
    public void Keeps_even_cuts_when_no_boundary_is_near()
    {
        var ranges = SegmentPlanner.Plan(Scenes(10, 90), OutputFormat.Mp4, 2);

        Assert.Equal([new FrameRange(0, 50), new FrameRange(50, 100)], ranges);
    }

    [Theory]
    [InlineData(OutputFormat.Gif)]
    [InlineData(OutputFormat.Png)]
    public void Formats_that_cannot_be_joined_by_copy_stay_one_segment(OutputFormat format) =>
        Assert.Single(SegmentPlanner.Plan(Scenes(100), format, 4));

    [Fact]
    public void Never_makes_more_segments_than_frames() =>
        Assert.Equal(3, SegmentPlanner.Plan(Scenes(3), OutputFormat.Mp4, 8).Count);

    [Fact]
    public void Never_cuts_inside_a_transition()
    {
        var timeline = new Timeline(320, 180, FrameRate.Whole(25),
        [
            new TimelineScene(0, 80, new RgbaColor(0, 0, 0), []),
            new TimelineScene(40, 100, new RgbaColor(0, 0, 0), [], new SceneTransition(TransitionKind.Crossfade, 40)),
            new TimelineScene(110, 50, new RgbaColor(0, 0, 0), [], new SceneTransition(TransitionKind.WipeLeft, 30)),
        ]);

        var ranges = SegmentPlanner.Plan(timeline, OutputFormat.Mp4, 3);

        // The even cut at 53 falls inside the first transition (frames 40–79) and moves to its nearer edge.
        Assert.Equal([new FrameRange(0, 40), new FrameRange(40, 107), new FrameRange(107, 160)], ranges);
    }
}
