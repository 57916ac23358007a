using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Prepare, compile and encode one frame range of a bound timeline into a file; <c>project</c> is where asset names in
/// the timeline are looked up. Bind happens before (it is pure, see
/// <see cref="Binding.MovieBinder"/>) and storing the file after; this class only turns a timeline into pixels.
/// </summary>
public sealed class RenderEngine(MediaPreparer preparer, FfmpegRunner runner, IOptions<RenderEngineOptions> options, ILogger<RenderEngine> logger)
{
    public async Task RenderAsync(
        Timeline timeline,
        string project,
        FrameRange range,
        OutputSpec output,
        string outputPath,
        IProgress<int>? framesDone,
        CancellationToken cancellationToken)
    {
        var work = Path.Combine(options.Value.WorkDirectory, $"job-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var images = await preparer.PrepareAsync(timeline, project, range, work, cancellationToken);
            var prepared = Stopwatch.GetTimestamp();
            var invocation = FilterGraphCompiler.Compile(timeline, images, range, output, options.Value.Encoder);
            await runner.RunAsync(invocation, work, outputPath, framesDone, cancellationToken);
            logger.LogInformation(
                "Rendered frames {Start}-{End} as {Format}: prepare {PrepareMs} ms, ffmpeg {EncodeMs} ms",
                range.Start, range.End, output.Format, (long)Stopwatch.GetElapsedTime(started, prepared).TotalMilliseconds,
                (long)Stopwatch.GetElapsedTime(prepared).TotalMilliseconds);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
