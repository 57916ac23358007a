using System.Text;
using Orleans.Render.Rendering.Engine;

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
            string[] arguments = ["-b", "1", "-v", request.Voice ?? "en", "-w", outputPath, "-f", textFile];
            BoundedProcess.Result result;
            try
            {
                result = await BoundedProcess.RunAsync(options.EspeakPath, request.Ssml ? [.. arguments, "-m"] : arguments, options.Timeout, cancellationToken);
            }
            catch (TimeoutException ex)
            {
                throw new RenderInputException("speech_failed", ex.Message);
            }

            var errors = result.Errors.Trim();
            if (result.ExitCode != 0 || !File.Exists(outputPath))
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
