using System.Globalization;
using Orleans.Render.Conventions.Diagnostics;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// The assemble stage: joins segment files, rendered with identical encoder settings and each starting on a keyframe,
/// into one output with the concat demuxer and a stream copy, so nothing is encoded twice. The movie's sound, rendered
/// once for the whole movie, is muxed in by stream copy as well.
/// </summary>
public sealed class SegmentAssembler(FfmpegRunner runner)
{
    public async Task AssembleAsync(
        IReadOnlyList<string> segmentFiles,
        OutputFormat format,
        string workDirectory,
        string outputPath,
        CancellationToken cancellationToken,
        string? soundFile = null,
        PhaseTimeline? phases = null)
    {
        if (!Planning.SegmentPlanner.SupportsSegments(format))
        {
            throw new ArgumentException($"{format} outputs are rendered as one segment and never assembled.", nameof(format));
        }

        var list = Path.Combine(workDirectory, $"segments-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(list, segmentFiles.SelectMany(ListEntry), cancellationToken);
        try
        {
            string[] sound = soundFile is null ? [] : ["-i", soundFile, "-map", "0:v", "-map", "1:a"];
            await runner.ExecuteAsync(
                ["-f", "concat", "-safe", "0", "-i", list, .. sound, "-c", "copy", .. FormatEncoders.Muxer(format)], workDirectory, outputPath, null, cancellationToken, phases: phases);
        }
        finally
        {
            File.Delete(list);
        }
    }

    /// <summary>
    /// A segment's lines in the concat list. The demuxer probes every file it opens with a decoder, which allocates a
    /// whole decoder per segment (about 30 ms of CPU for 1080p H.264) only to learn what the container already says;
    /// a stream copy needs no decoder, so none may be opened (<c>codec_whitelist none</c>), and the output is the same.
    /// </summary>
    private static IEnumerable<string> ListEntry(string file) =>
        [string.Create(CultureInfo.InvariantCulture, $"file '{file.Replace("'", @"'\''")}'"), "option codec_whitelist none"];
}
