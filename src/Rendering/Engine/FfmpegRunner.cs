using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Render.Conventions.Diagnostics;
using Orleans.Render.Rendering.Compilation;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Runs one <see cref="FfmpegInvocation"/>: no shell, arguments as a list, progress read from <c>-progress pipe:1</c>,
/// and the process tree killed when the caller cancels so a cancelled render stops burning CPU. At most
/// <c>slots</c> processes run at once in this process, plus as many urgent ones; the rest wait, cancellably
/// (<see cref="ProcessSlots"/>).
/// </summary>
public sealed class FfmpegRunner(string ffmpegPath, int slots, ILogger<FfmpegRunner> logger)
{
    private const int StderrLinesKept = 20;

    private readonly ProcessSlots running = new(slots);

    /// <summary>ffmpeg processes running now in this process.</summary>
    public int Running => running.Running;

    public async Task RunAsync(
        FfmpegInvocation invocation, string workDirectory, string outputPath, IProgress<int>? framesDone, CancellationToken cancellationToken,
        ProcessPriority priority = ProcessPriority.Normal, PhaseTimeline? phases = null)
    {
        var graphPath = Path.Combine(workDirectory, $"graph-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(graphPath, invocation.FilterGraph, cancellationToken);
        try
        {
            await ExecuteAsync(
                [
                    .. invocation.InputArguments, "-filter_complex_script", graphPath,
                    .. invocation.HasVideo ? (string[])["-map", "[out]"] : ["-vn"],
                    .. invocation.AudioLabel is { } sound ? ["-map", $"[{sound}]"] : invocation.AudioInput is { } input ? (string[])["-map", input] : ["-an"],
                    .. invocation.OutputArguments,
                ],
                workDirectory, outputPath, framesDone, cancellationToken, priority, phases);
        }
        finally
        {
            File.Delete(graphPath);
        }
    }

    /// <summary>
    /// Runs ffmpeg with the given inputs and options, writing <paramref name="outputPath"/>. With <paramref name="phases"/>,
    /// records the wait for a slot, the start-up to the first frame and the encoding after it (or the whole run when no
    /// frame is counted, as in a stream copy), with progress every 0.1 s rather than 0.5 s so the first frame is seen.
    /// </summary>
    public async Task ExecuteAsync(
        IReadOnlyList<string> arguments, string workDirectory, string outputPath, IProgress<int>? framesDone, CancellationToken cancellationToken,
        ProcessPriority priority = ProcessPriority.Normal, PhaseTimeline? phases = null)
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        string[] period = phases is null ? [] : ["-stats_period", "0.1"];
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats", "-progress", "pipe:1", .. period, .. arguments, outputPath])
        {
            start.ArgumentList.Add(argument);
        }

        using var activity = RenderTelemetry.StartFfmpeg(priority);
        phases?.Begin("slot");
        using var slot = await running.AcquireAsync(priority, cancellationToken);
        activity?.AddEvent(new ActivityEvent("slot acquired"));
        var watch = phases is null ? null : new FirstFrameWatch(framesDone);
        phases?.End();
        await RunProcessAsync(start, outputPath, watch ?? framesDone, cancellationToken);
        watch?.Record(phases!);
    }

    private async Task RunProcessAsync(ProcessStartInfo start, string outputPath, IProgress<int>? framesDone, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ffmpegPath}.");
        process.StandardInput.Close();
        var errors = new Queue<string>();
        var stderr = ReadErrorsAsync(process.StandardError, errors);
        var stdout = ReadProgressAsync(process.StandardOutput, framesDone);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            logger.LogInformation("Cancelled ffmpeg {Pid} for {Output}", process.Id, outputPath);
            throw;
        }
        finally
        {
            await Task.WhenAll(stderr, stdout);
        }

        if (process.ExitCode != 0)
        {
            var detail = string.Join(" | ", errors);
            logger.LogError("ffmpeg exited with {ExitCode}: {Errors}", process.ExitCode, detail);
            throw new InvalidOperationException($"ffmpeg exited with code {process.ExitCode}: {detail}");
        }

        if (!File.Exists(outputPath))
        {
            throw new InvalidOperationException("ffmpeg exited normally but wrote no output.");
        }
    }

    private static async Task ReadErrorsAsync(StreamReader reader, Queue<string> kept)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (kept.Count == StderrLinesKept)
            {
                kept.Dequeue();
            }

            kept.Enqueue(line);
        }
    }

    private static async Task ReadProgressAsync(StreamReader reader, IProgress<int>? framesDone)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (framesDone is not null && line.StartsWith("frame=", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var frame))
            {
                framesDone.Report(frame);
            }
        }
    }
}
