using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Planning;

/// <summary>
/// The plan stage: cuts a movie into contiguous frame ranges that render independently and join with a stream copy.
/// A cut moves to a nearby scene boundary when one is within a quarter of a segment, because a cut there costs
/// nothing visually and keeps each segment's layers simple. A cut never falls inside a transition: it moves to the
/// transition's nearer edge, so no segment blends half a transition it would have to render whole anyway.
/// </summary>
public static class SegmentPlanner
{
    public static IReadOnlyList<FrameRange> Plan(Timeline timeline, OutputFormat format, int parallel)
    {
        var total = timeline.TotalFrames;
        var count = SupportsSegments(format) ? Math.Clamp(parallel, 1, Math.Max(1, total)) : 1;
        if (count == 1)
        {
            return [new FrameRange(0, total)];
        }

        var ideals = Enumerable.Range(1, count - 1).Select(i => (int)Math.Round((double)total * i / count));
        return Cut(timeline, ideals, total / count / 4);
    }

    /// <summary>
    /// Cuts the movie at <paramref name="ideals"/> (ascending frame numbers), each moved to the nearest scene boundary
    /// within <paramref name="tolerance"/> frames and out of any transition; cuts that collapse onto another are dropped.
    /// </summary>
    public static IReadOnlyList<FrameRange> Cut(Timeline timeline, IEnumerable<int> ideals, int tolerance)
    {
        var total = timeline.TotalFrames;
        var boundaries = timeline.Scenes.Select(s => s.StartFrame + s.TransitionFrames).Where(f => f > 0).ToList();
        var cuts = new List<int> { 0 };
        foreach (var ideal in ideals)
        {
            var nearest = boundaries.OrderBy(b => Math.Abs(b - ideal)).FirstOrDefault(b => Math.Abs(b - ideal) <= tolerance);
            var cut = OutsideTransitions(timeline, nearest > 0 ? nearest : ideal);
            if (cut > cuts[^1] && cut < total)
            {
                cuts.Add(cut);
            }
        }

        cuts.Add(total);
        return [.. cuts.Zip(cuts.Skip(1), (start, end) => new FrameRange(start, end))];
    }

    private static int OutsideTransitions(Timeline timeline, int cut)
    {
        var inside = timeline.Scenes.FirstOrDefault(s => s.StartFrame < cut && cut < s.StartFrame + s.TransitionFrames);
        if (inside is null)
        {
            return cut;
        }

        var (before, after) = (inside.StartFrame, inside.StartFrame + inside.TransitionFrames);
        return cut - before <= after - cut ? before : after;
    }

    /// <summary>
    /// mp4 and webm join by stream copy. A gif carries a palette per frame and joins poorly by copy, a still is one
    /// frame, and the other containers render in one run, so they are a single segment whatever <c>parallel</c> says.
    /// </summary>
    public static bool SupportsSegments(OutputFormat format) => FormatEncoders.Joins(format);
}
