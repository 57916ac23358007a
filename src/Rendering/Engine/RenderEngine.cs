using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Render.Conventions.Diagnostics;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Prepare, compile and encode one frame range of a bound timeline into a file; <c>project</c> is where asset names in
/// the timeline are looked up. Bind happens before (it is pure, see
/// <see cref="Binding.MovieBinder"/>) and storing the file after; this class only turns a timeline into pixels.
/// </summary>
public sealed class RenderEngine(
    MediaPreparer preparer, TimedMediaPreparer timedMedia, LutPreparer luts, FfmpegRunner runner, IOptions<RenderEngineOptions> options, ILogger<RenderEngine> logger)
{
    public async Task RenderAsync(
        Timeline timeline,
        string project,
        FrameRange range,
        OutputSpec output,
        string outputPath,
        IProgress<int>? framesDone,
        CancellationToken cancellationToken,
        PhaseTimeline? phases = null)
    {
        var work = Path.Combine(options.Value.WorkDirectory, $"job-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        using var activity = RenderTelemetry.StartSegment("segment", timeline, range, output.Format);
        try
        {
            var started = Stopwatch.GetTimestamp();
            phases?.Begin("prepare");
            var withAudio = Planning.RenderPlan.CarriesSound(timeline, range, output.Format);
            var images = preparer.PrepareAsync(timeline, project, range, work, cancellationToken);
            var media = PrepareMediaAsync(timeline, project, range, withAudio, work, cancellationToken);
            await Task.WhenAll(images, media);
            var prepared = Stopwatch.GetTimestamp();
            var invocation = FilterGraphCompiler.Compile(timeline, await images, range, output, options.Value.Encoder, await media, withAudio);
            await runner.RunAsync(invocation, work, outputPath, framesDone, cancellationToken, phases: phases);
            logger.LogInformation(
                "Rendered frames {Start}-{End} as {Format}: prepare {PrepareMs} ms, ffmpeg {EncodeMs} ms",
                range.Start, range.End, output.Format, (long)Stopwatch.GetElapsedTime(started, prepared).TotalMilliseconds,
                (long)Stopwatch.GetElapsedTime(prepared).TotalMilliseconds);
            RenderTelemetry.Rendered(activity, "segment", range, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex)
        {
            RenderTelemetry.Failed(activity, "segment", ex);
            throw;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Renders a stream piece (see <see cref="Planning.StreamPlan"/>): frames <paramref name="range"/> in
    /// <paramref name="format"/>'s streaming container with the movie's timestamps and their slice of the stored
    /// <paramref name="soundFile"/>, rewritten by <see cref="StreamPieceFile"/>. Returns the header's length in bytes.
    /// An <paramref name="urgent"/> piece (a viewer waits for it) runs at once, ahead of other work; any other piece is
    /// rendered ahead of a viewer and runs in the background (<see cref="ProcessPriority"/>).
    /// </summary>
    public async Task<int> RenderPieceAsync(
        Timeline timeline,
        string project,
        FrameRange range,
        OutputFormat format,
        string? soundFile,
        string outputPath,
        bool urgent,
        CancellationToken cancellationToken)
    {
        var work = Path.Combine(options.Value.WorkDirectory, $"piece-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        using var activity = RenderTelemetry.StartSegment("piece", timeline, range, format);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var images = preparer.PrepareAsync(timeline, project, range, work, cancellationToken);
            var media = PrepareMediaAsync(timeline, project, range, withAudio: false, work, cancellationToken);
            await Task.WhenAll(images, media);
            var prepared = Stopwatch.GetTimestamp();
            var invocation = FilterGraphCompiler.CompilePiece(timeline, await images, range, format, options.Value.Encoder, await media, soundFile);
            var written = Path.Combine(work, $"piece.{format.Extension()}");
            await runner.RunAsync(invocation, work, written, null, cancellationToken, urgent ? ProcessPriority.Urgent : ProcessPriority.Background);
            var header = await StreamPieceFile.RewriteAsync(written, outputPath, format, timeline.Fps.Seconds(timeline.TotalFrames), cancellationToken);
            logger.LogInformation(
                "Rendered stream piece {Start}-{End} as {Format}: prepare {PrepareMs} ms, ffmpeg {EncodeMs} ms",
                range.Start, range.End, format, (long)Stopwatch.GetElapsedTime(started, prepared).TotalMilliseconds,
                (long)Stopwatch.GetElapsedTime(prepared).TotalMilliseconds);
            RenderTelemetry.Rendered(activity, "piece", range, Stopwatch.GetElapsedTime(started));
            return header;
        }
        catch (Exception ex)
        {
            RenderTelemetry.Failed(activity, "piece", ex);
            throw;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The video, sound and LUT files the range reads, by the reference the timeline names them with.</summary>
    private async Task<IReadOnlyDictionary<MediaReference, PreparedMedia>> PrepareMediaAsync(
        Timeline timeline, string project, FrameRange range, bool withAudio, string work, CancellationToken cancellationToken)
    {
        var timed = timedMedia.PrepareAsync(timeline, project, range, withAudio, work, cancellationToken);
        var tables = luts.PrepareAsync(timeline, project, range, work, cancellationToken);
        await Task.WhenAll(timed, tables);
        var media = new Dictionary<MediaReference, PreparedMedia>(await timed);
        foreach (var (source, table) in await tables)
        {
            media.TryAdd(source, table);
        }

        return media;
    }

    /// <summary>
    /// Renders the whole movie's sound alone (for an output whose pictures are rendered in segments and joined by
    /// <see cref="SegmentAssembler"/>). Returns false, writing nothing, when the movie has no sound.
    /// </summary>
    public async Task<bool> RenderAudioAsync(
        Timeline timeline, string project, OutputFormat format, string outputPath, CancellationToken cancellationToken, PhaseTimeline? phases = null)
    {
        if (!format.CarriesSound() || timeline.Audio.Count == 0)
        {
            return false;
        }

        var work = Path.Combine(options.Value.WorkDirectory, $"audio-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var started = Stopwatch.GetTimestamp();
            phases?.Begin("prepare");
            var media = await timedMedia.PrepareAsync(timeline, project, new FrameRange(0, 0), withAudio: true, work, cancellationToken);
            if (FilterGraphCompiler.CompileAudio(timeline, format, media, options.Value.Encoder) is not { } invocation)
            {
                return false;
            }

            await runner.RunAsync(invocation, work, outputPath, null, cancellationToken, phases: phases);
            logger.LogInformation("Rendered the sound of {Frames} frames in {Milliseconds} ms", timeline.TotalFrames, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
