using System.Diagnostics;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Runs a short-lived tool (ffprobe, espeak-ng) from an argument list, never a shell, collects its output and kills it
/// with its children when it outlives <c>timeout</c>.
/// </summary>
public static class BoundedProcess
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <exception cref="TimeoutException">The tool ran longer than <paramref name="timeout"/> and was killed.</exception>
    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0.#} s.");
        }

        return new Result(process.ExitCode, await output, await errors);
    }
}
