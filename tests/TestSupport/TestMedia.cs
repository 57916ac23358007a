namespace Orleans.Render.TestSupport;

/// <summary>Small real video and audio files made with ffmpeg's test sources, and decoded sound for checks.</summary>
public static class TestMedia
{
    /// <summary>A red H.264 mp4 of <paramref name="width"/>x<paramref name="height"/> lasting <paramref name="seconds"/> at 25 fps.</summary>
    public static Task<byte[]> RedMp4Async(int width, int height, double seconds) =>
        MakeAsync(".mp4", ["-f", "lavfi", "-i", $"color=c=red:s={width}x{height}:r=25:d={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "-c:v", "libx264", "-pix_fmt", "yuv420p"]);

    /// <summary>A 440 Hz sine WAV lasting <paramref name="seconds"/>.</summary>
    public static Task<byte[]> SineWavAsync(double seconds) =>
        MakeAsync(".wav", ["-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]);

    /// <summary>Runs ffmpeg with <paramref name="arguments"/> (inputs and options) writing a file of <paramref name="extension"/> (<c>.mp4</c>), and returns its bytes.</summary>
    public static async Task<byte[]> MakeAsync(string extension, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"test-media-{Guid.NewGuid():N}{extension}");
        try
        {
            await MediaInspector.RunAsync("ffmpeg", ["-v", "error", "-y", .. arguments, path]);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A sine tone of <paramref name="hertz"/> for <paramref name="seconds"/>, as WAV.</summary>
    public static Task<byte[]> ToneAsync(int hertz, double seconds) =>
        MakeAsync(".wav", "-f", "lavfi", "-i", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sine=frequency={hertz}:sample_rate=48000:duration={seconds}"));

    /// <summary>Decodes the first audio stream to mono 48 kHz samples (−1…1).</summary>
    public static async Task<float[]> DecodeSoundAsync(string path)
    {
        var raw = Path.Combine(Path.GetTempPath(), $"pcm-{Guid.NewGuid():N}.raw");
        try
        {
            await MediaInspector.RunAsync("ffmpeg", ["-v", "error", "-y", "-i", path, "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "f32le", raw]);
            var bytes = await File.ReadAllBytesAsync(raw);
            var samples = new float[bytes.Length / 4];
            Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 4);
            return samples;
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>The amplitude of <paramref name="hertz"/> in samples <c>[from, from + count)</c> (Goertzel), about 1 for a full-scale sine.</summary>
    public static double Amplitude(float[] samples, int hertz, int from, int count)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hertz / 48000.0);
        double previous = 0, beforePrevious = 0;
        for (var i = from; i < from + count && i < samples.Length; i++)
        {
            var current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.Sqrt(Math.Max(power, 0)) / count;
    }

    /// <summary>The first sample whose magnitude exceeds <paramref name="threshold"/>, or −1.</summary>
    public static int FirstLoudSample(float[] samples, double threshold = 0.05) => Array.FindIndex(samples, s => Math.Abs(s) > threshold);
}
