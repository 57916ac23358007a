using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

[GrainType("segment-renderer"), RenderPoolPlacement]
public sealed class SegmentRendererGrain(
    RenderEngine engine,
    IMediaStore media,
    IOptions<RenderEngineOptions> options,
    ILogger<SegmentRendererGrain> logger) : Grain, ISegmentRendererGrain
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public async Task<SegmentResult> RenderAsync(SegmentWork work, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.WorkDirectory);
        var outputPath = Path.Combine(options.Value.WorkDirectory, $"{work.Token}-{work.OutputKey}-{Guid.NewGuid():N}");
        var framesDone = new LatestValue();
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = ReportProgressAsync(work, framesDone, reporting.Token);
        try
        {
            var spec = OutputSpecs.From(work.Output);
            var movie = MovieParser.Parse(work.MovieJson).Movie
                ?? throw new RenderInputException("invalid_movie", "The movie no longer validates.");
            var timeline = MovieBinder.Bind(movie, work.Params, work.MediaSeconds);
            var range = new FrameRange(work.StartFrame, work.EndFrame);
            logger.LogInformation("Rendering {Token} {Output} frames {Start}-{End}", work.Token, work.OutputKey, range.Start, range.End);
            await engine.RenderAsync(timeline, work.Project, range, spec, outputPath, framesDone, cancellationToken);
            await media.PutFileAsync(work.MediaKey, outputPath, cancellationToken);
            return new SegmentResult(range.Count, Silo: RuntimeIdentity);
        }
        catch (RenderInputException ex)
        {
            return new SegmentResult(0, ex.Code, ex.Message, IsInputError: true, Silo: RuntimeIdentity);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Render of {Token} {Output} failed", work.Token, work.OutputKey);
            return new SegmentResult(0, "render_failed", "The render failed on the server; see the silo log for details.", Silo: RuntimeIdentity);
        }
        finally
        {
            await reporting.CancelAsync();
            await reporter;
            File.Delete(outputPath);
        }
    }

    private async Task ReportProgressAsync(SegmentWork work, LatestValue framesDone, CancellationToken cancellationToken)
    {
        var job = GrainFactory.GetGrain<IRenderJobGrain>(work.Token);
        var segment = SegmentKey.Parse(this.GetPrimaryKeyString()).Segment;
        using var timer = new PeriodicTimer(ProgressInterval);
        var reported = 0;
        await job.ReportProgressAsync(work.OutputKey, segment, 0, RuntimeIdentity);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var frames = framesDone.Value;
                if (frames != reported)
                {
                    reported = frames;
                    await job.ReportProgressAsync(work.OutputKey, segment, frames, RuntimeIdentity);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Holds ffmpeg's latest frame count; written from its output reader, read by the reporting loop.</summary>
    private sealed class LatestValue : IProgress<int>
    {
        private int value;

        public int Value => Volatile.Read(ref value);

        public void Report(int frames) => Volatile.Write(ref value, frames);
    }
}
