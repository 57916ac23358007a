using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Storage;
using Orleans.Render.Conventions;
using Orleans.Render.Conventions.Diagnostics;

namespace Orleans.Render.Grains;

/// <summary>
/// One attempt at a render unit, on a silo of the unit's pool: frames, the movie's sound, the join of stored units or a
/// stream piece.
/// It renders into scratch space and stores the result under <c>work.MediaKey</c>; keeping the record of what was
/// stored is <see cref="RenderUnitGrain"/>'s job.
/// </summary>
[Reentrant, GrainType("segment-renderer"), RenderPoolPlacement]
public sealed class SegmentRendererGrain(
    RenderEngine engine,
    CpuWork cpu,
    SegmentAssembler assembler,
    IMediaStore media,
    IOptions<RenderEngineOptions> options,
    ILogger<SegmentRendererGrain> logger) : Grain, ISegmentRendererGrain
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private Task<SegmentResult>? attempt;

    /// <summary>
    /// Renders the work, once per activation: asked again while it renders (by a unit grain activated anew after its
    /// silo died), it answers with the render under way. Reentrant for that.
    /// </summary>
    public Task<SegmentResult> RenderAsync(SegmentWork work, CancellationToken cancellationToken) =>
        attempt ??= AnswerOnceAsync(RenderOnceAsync(work, cancellationToken));

    /// <summary>
    /// The activation goes once its render has ended: a unit grain that asks again later finds the stored file itself,
    /// and a failed or cancelled attempt is never answered twice.
    /// </summary>
    private async Task<SegmentResult> AnswerOnceAsync(Task<SegmentResult> render)
    {
        try
        {
            return await render;
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    private async Task<SegmentResult> RenderOnceAsync(SegmentWork work, CancellationToken cancellationToken)
    {
        var phases = new PhaseTimeline();
        await Task.Yield();
        var scratch = Directory.CreateDirectory(Path.Combine(options.Value.WorkDirectory, $"{work.Token}-{work.OutputKey}-{Guid.NewGuid():N}")).FullName;
        try
        {
            var spec = OutputSpecs.From(work.Output);
            var outputPath = Path.Combine(scratch, $"unit.{spec.Format.Extension()}");
            var rendered = work.Kind switch
            {
                SegmentKind.Frames => await RenderFramesAsync(work, spec, outputPath, phases, cancellationToken),
                SegmentKind.Sound => await RenderSoundAsync(work, spec, outputPath, phases, cancellationToken),
                SegmentKind.Piece => await RenderPieceAsync(work, spec, scratch, outputPath, cancellationToken),
                _ => await JoinAsync(work, spec, scratch, outputPath, phases, cancellationToken),
            };
            if (rendered is null)
            {
                return new SegmentResult(0, Silo: RuntimeIdentity);
            }

            phases.Begin("store");
            var stored = await media.PutFileAsync(work.MediaKey, outputPath, cancellationToken);
            phases.Note("bytes", stored.Length);
            logger.LogInformation(PhaseTimeline.Message, work.Token, $"{work.Kind.ToString().ToLowerInvariant()}-{work.Index}", phases);
            return new SegmentResult(rendered.Frames, Silo: RuntimeIdentity, MediaKey: work.MediaKey, HeaderBytes: rendered.HeaderBytes);
        }
        catch (RenderInputException ex)
        {
            return new SegmentResult(0, ex.Code, ex.Message, IsInputError: true, Silo: RuntimeIdentity);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Kind} unit {Unit} of {Token} {Output} failed", work.Kind, work.MediaKey, work.Token, work.OutputKey);
            return new SegmentResult(0, "render_failed", "The render failed on the server; see the silo log for details.", Silo: RuntimeIdentity);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task<Rendered?> RenderFramesAsync(SegmentWork work, OutputSpec spec, string outputPath, PhaseTimeline phases, CancellationToken cancellationToken)
    {
        var framesDone = new LatestValue();
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = ReportProgressAsync(work, framesDone, reporting.Token);
        try
        {
            var range = new FrameRange(work.StartFrame, work.EndFrame);
            logger.LogInformation("Rendering {Token} {Output} frames {Start}-{End}", work.Token, work.OutputKey, range.Start, range.End);
            phases.Begin("bind");
            phases.Note("frames", range.Count);
            await engine.RenderAsync(await BindAsync(work, cancellationToken), work.Project, range, spec, outputPath, framesDone, cancellationToken, phases);
            return new Rendered(range.Count);
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
        }
    }

    /// <summary>A stream piece, with its slice of the stored sound.</summary>
    private async Task<Rendered?> RenderPieceAsync(SegmentWork work, OutputSpec spec, string scratch, string outputPath, CancellationToken cancellationToken)
    {
        var sound = work.SoundKey is null ? null : Path.Combine(scratch, $"sound.{spec.Format.Extension()}");
        if (sound is not null)
        {
            await media.DownloadToFileAsync(work.SoundKey!, sound, cancellationToken);
        }

        var range = new FrameRange(work.StartFrame, work.EndFrame);
        logger.LogInformation("Rendering {Token} stream piece {Index} ({Start}-{End}) as {Format}", work.Token, work.Index, range.Start, range.End, spec.Format);
        return new Rendered(range.Count, await engine.RenderPieceAsync(await BindAsync(work, cancellationToken), work.Project, range, spec.Format, sound, outputPath, work.Urgent, cancellationToken));
    }

    private async Task<Rendered?> RenderSoundAsync(SegmentWork work, OutputSpec spec, string outputPath, PhaseTimeline phases, CancellationToken cancellationToken)
    {
        phases.Begin("bind");
        return await engine.RenderAudioAsync(await BindAsync(work, cancellationToken), work.Project, spec.Format, outputPath, cancellationToken, phases) ? new Rendered(0) : null;
    }

    /// <summary>Downloads the stored pieces (and sound) side by side and joins them by stream copy.</summary>
    private async Task<Rendered?> JoinAsync(SegmentWork work, OutputSpec spec, string scratch, string outputPath, PhaseTimeline phases, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        phases.Begin("download");
        var pieces = work.Pieces ?? [];
        var files = pieces.Select((_, i) => Path.Combine(scratch, $"piece-{i}.{spec.Format.Extension()}")).ToList();
        var sound = work.SoundKey is null ? null : Path.Combine(scratch, $"sound.{spec.Format.Extension()}");
        await Task.WhenAll(pieces.Select((key, i) => media.DownloadToFileAsync(key, files[i], cancellationToken))
            .Append(sound is null ? Task.CompletedTask : media.DownloadToFileAsync(work.SoundKey!, sound, cancellationToken)));
        await assembler.AssembleAsync(files, spec.Format, scratch, outputPath, cancellationToken, sound, phases);
        logger.LogInformation("Joined {Count} segments of {Token} {Output} in {Milliseconds} ms", pieces.Count, work.Token, work.OutputKey,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Rendered(work.EndFrame - work.StartFrame);
    }

    private Task<Rendering.Model.Timeline> BindAsync(SegmentWork work, CancellationToken cancellationToken) => cpu.RunAsync(
        () =>
        {
            var movie = MovieParser.Parse(work.MovieJson).Movie
                ?? throw new RenderInputException("invalid_movie", "The movie no longer validates.");
            return MovieBinder.Bind(movie, work.Params, work.MediaSeconds);
        },
        cancellationToken);

    private async Task ReportProgressAsync(SegmentWork work, LatestValue framesDone, CancellationToken cancellationToken)
    {
        var job = GrainFactory.GetGrain<IRenderJobGrain>(work.Token);
        using var timer = new PeriodicTimer(ProgressInterval);
        var reported = 0;
        await job.ReportProgressAsync(work.OutputKey, work.Index, 0, RuntimeIdentity);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var frames = framesDone.Value;
                if (frames != reported)
                {
                    reported = frames;
                    await job.ReportProgressAsync(work.OutputKey, work.Index, frames, RuntimeIdentity);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>What an attempt wrote: its frames, and for a stream piece the length of its header.</summary>
    private sealed record Rendered(int Frames, int HeaderBytes = 0);

    /// <summary>Holds ffmpeg's latest frame count; written from its output reader, read by the reporting loop.</summary>
    private sealed class LatestValue : IProgress<int>
    {
        private int value;

        public int Value => Volatile.Read(ref value);

        public void Report(int frames) => Volatile.Write(ref value, frames);
    }
}
