using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Planning;

/// <summary>A frame range of an output and its content address.</summary>
public sealed record PlannedSegment(string Unit, FrameRange Range);

/// <summary>
/// The units one output is made of, each with its content address (<see cref="RenderFingerprint"/>): the frame
/// ranges, and when there are several, the movie's sound rendered once and the join of it all. With one range the
/// range is the output and carries the sound itself; <see cref="Final"/> is the unit that is the output either way.
/// </summary>
public sealed record RenderPlan(IReadOnlyList<PlannedSegment> Segments, string? Sound, string Final, FrameRange Range)
{
    public bool IsJoined => Segments.Count > 1;

    public static RenderPlan For(
        Timeline timeline, OutputSpec output, int parallel, EncoderSettings encoder, IReadOnlyDictionary<string, string> assetVersions)
    {
        var range = FullRange(timeline, output);
        var ranges = output.Format.IsStill() ? [range] : SegmentPlanner.Plan(timeline, output.Format, parallel);
        var segments = ranges
            .Select(r => new PlannedSegment(RenderFingerprint.OfFrames(timeline, r, output, CarriesSound(timeline, r, output.Format), encoder, assetVersions), r))
            .ToList();
        if (segments.Count == 1)
        {
            return new RenderPlan(segments, null, segments[0].Unit, range);
        }

        var sound = output.Format.CarriesSound() && timeline.Audio.Count > 0
            ? RenderFingerprint.OfSound(timeline, output.Format, encoder, assetVersions)
            : null;
        return new RenderPlan(segments, sound, RenderFingerprint.OfJoin([.. segments.Select(s => s.Unit)], sound, output.Format), range);
    }

    /// <summary>
    /// Sound belongs to the whole movie: a range that is the whole movie carries it; the ranges of a joined output
    /// carry pictures only and get the sound, rendered once, when they are joined.
    /// </summary>
    public static bool CarriesSound(Timeline timeline, FrameRange range, OutputFormat format) =>
        format.CarriesSound() && timeline.Audio.Count > 0 && range == new FrameRange(0, timeline.TotalFrames);

    /// <summary>The frames the output shows: the whole movie, or the one frame of a still (422 when it is outside the movie).</summary>
    private static FrameRange FullRange(Timeline timeline, OutputSpec output)
    {
        if (!output.Format.IsStill())
        {
            return new FrameRange(0, timeline.TotalFrames);
        }

        if (output.Frame < 0 || output.Frame >= timeline.TotalFrames)
        {
            throw new RenderInputException(
                "frame_out_of_range", $"Frame {output.Frame} is outside the movie, which has frames 0 to {timeline.TotalFrames - 1}.");
        }

        return new FrameRange(output.Frame, output.Frame + 1);
    }
}
