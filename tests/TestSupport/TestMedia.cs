namespace Orleans.Render.TestSupport;

/// <summary>Small real video and audio files made with ffmpeg's test sources, for upload tests.</summary>
public static class TestMedia
{
    /// <summary>A red H.264 mp4 of <paramref name="width"/>x<paramref name="height"/> lasting <paramref name="seconds"/> at 25 fps.</summary>
    public static Task<byte[]> RedMp4Async(int width, int height, double seconds) =>
        MakeAsync(".mp4", ["-f", "lavfi", "-i", $"color=c=red:s={width}x{height}:r=25:d={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "-c:v", "libx264", "-pix_fmt", "yuv420p"]);

    /// <summary>A 440 Hz sine WAV lasting <paramref name="seconds"/>.</summary>
    public static Task<byte[]> SineWavAsync(double seconds) =>
        MakeAsync(".wav", ["-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]);

    private static async Task<byte[]> MakeAsync(string extension, string[] arguments)
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
}
