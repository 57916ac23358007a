using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Planning;

/// <summary>
/// The pieces a movie is streamed in (<c>get</c>, <c>play</c>, HLS, DASH): short frame ranges, each rendered on its own
/// into a self-contained fragment (<see cref="Engine.StreamPieceFile"/>) with the movie's timestamps, so that the
/// header of any piece followed by the media of every piece in order is one playable file. The first piece is short
/// so it is cheap; each next one is twice as long as the one before, up to the full length, so that a player who
/// started on the first piece does not run dry while the second renders; cuts snap to scene boundaries within a
/// quarter of the shortest piece and never fall inside a transition. The sound is mixed once for the whole movie (<see cref="Sound"/>) and each piece carries its
/// slice of it.
/// </summary>
public sealed record StreamPlan(IReadOnlyList<PlannedSegment> Pieces, string? Sound, OutputFormat Format, FrameRate Fps, int TotalFrames)
{
    /// <summary>The containers pieces come in: fragmented MP4 (progressive mp4, HLS and DASH) and WebM.</summary>
    public static bool IsStreamable(OutputFormat format) => format is OutputFormat.Mp4 or OutputFormat.Webm;

    public static StreamPlan For(
        Timeline timeline, OutputFormat format, StreamPieceLengths lengths, EncoderSettings encoder, IReadOnlyDictionary<string, string> assetVersions)
    {
        if (!IsStreamable(format))
        {
            throw new ArgumentException($"{format} is not streamed.", nameof(format));
        }

        var fps = timeline.Fps;
        var first = Math.Max(1, (int)Math.Round(lengths.FirstSeconds * fps.PerSecond));
        var rest = Math.Max(1, (int)Math.Round(lengths.Seconds * fps.PerSecond));
        var ideals = new List<int>();
        // A last piece shorter than a quarter of the others joins the one before it.
        for (var (cut, length) = (first, first); cut < timeline.TotalFrames - rest / 4; cut += length)
        {
            ideals.Add(cut);
            length = Math.Min(2 * length, rest);
        }

        var sound = format.CarriesSound() && timeline.Audio.Count > 0
            ? RenderFingerprint.OfSound(timeline, format, encoder, assetVersions)
            : null;
        var pieces = SegmentPlanner.Cut(timeline, ideals, Math.Min(first, rest) / 4)
            .Select(range => new PlannedSegment(RenderFingerprint.OfPiece(timeline, range, format, sound, encoder, assetVersions), range))
            .ToList();
        return new StreamPlan(pieces, sound, format, fps, timeline.TotalFrames);
    }
}

/// <summary>How long stream pieces are, in seconds: the first one, and every later one.</summary>
public sealed record StreamPieceLengths(double FirstSeconds, double Seconds);
