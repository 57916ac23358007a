using System.Diagnostics;
using System.Text;

namespace Orleans.Render.Rendering.Speech;

/// <summary>
/// The local voice: Debian's <c>espeak-ng</c>, run with an argument list (no shell), the text in a file of ours
/// (<c>-f</c>, UTF-8), SSML read with <c>-m</c>; it writes a 22.05 kHz mono WAV. Voices are espeak-ng's
/// (<c>en</c>, <c>en-us</c>, <c>de</c>, <c>en+f3</c>, …; <c>espeak-ng --voices</c> lists them); the default is <c>en</c>.
/// </summary>
public sealed class EspeakSpeechProvider(SpeechOptions options) : ISpeechProvider
{
    public string Identity => "espeak-ng";

    public async Task SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken cancellationToken)
    {
        var textFile = outputPath + ".txt";
        await File.WriteAllTextAsync(textFile, request.Text, new UTF8Encoding(false), cancellationToken);
        try
        {
            var start = new ProcessStartInfo(options.EspeakPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["-b", "1", "-v", request.Voice ?? "en", "-w", outputPath, "-f", textFile])
            {
                start.ArgumentList.Add(argument);
            }

            if (request.Ssml)
            {
                start.ArgumentList.Add("-m");
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {options.EspeakPath}.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw new RenderInputException("speech_failed", $"espeak-ng did not finish within {options.Timeout.TotalSeconds:0.#} s.");
            }

            await stdout;
            var errors = (await stderr).Trim();
            if (process.ExitCode != 0 || !File.Exists(outputPath))
            {
                throw new RenderInputException(
                    "speech_failed", $"espeak-ng could not speak the text in voice '{request.Voice ?? "en"}': {(errors.Length > 200 ? errors[..200] : errors)}");
            }
        }
        finally
        {
            File.Delete(textFile);
        }
    }
}
