using System.Diagnostics;
using System.Globalization;
using FFMpegCore;

namespace Orleans.Render.TestSupport;

/// <summary>What a user would check in a rendered file: its stream facts from ffprobe and the colour of decoded pixels.</summary>
public static class MediaInspector
{
    public sealed record VideoFacts(string Codec, int Width, int Height, double FrameRate, double DurationSeconds, int FrameCount);

    /// <summary>The facts of a file, or of what ffprobe reads from an http(s) URL (a progressive file, an HLS or DASH playlist).</summary>
    public static async Task<VideoFacts> ProbeAsync(string path)
    {
        const string firstVideoStream = "-select_streams v:0";
        var url = Uri.TryCreate(path, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? parsed : null;
        var analysis = url is null ? await FFProbe.AnalyseAsync(path) : await FFProbe.AnalyseAsync(url);
        var video = analysis.PrimaryVideoStream ?? throw new InvalidOperationException($"{path} has no video stream.");
        // Frames as a player decodes them, not the count the container claims.
        var frames = url is null
            ? await FFProbe.GetFramesAsync(path, customArguments: firstVideoStream)
            : await FFProbe.GetFramesAsync(url, customArguments: firstVideoStream);
        return new VideoFacts(video.CodecName ?? "", video.Width ?? 0, video.Height ?? 0, video.AverageFrameRate, analysis.Duration.TotalSeconds, frames.Frames.Count);
    }

    /// <summary>Decodes frame <paramref name="index"/> (counting from 0) to RGB24 bytes, row by row.</summary>
    public static async Task<DecodedFrame> DecodeFrameAsync(string path, int index, int width, int height)
    {
        var output = Path.Combine(Path.GetTempPath(), $"frame-{Guid.NewGuid():N}.rgb");
        try
        {
            await RunAsync("ffmpeg", ["-v", "error", "-i", path, "-vf", $"select=eq(n\\,{index})", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", output]);
            var bytes = await File.ReadAllBytesAsync(output);
            return bytes.Length == width * height * 3
                ? new DecodedFrame(bytes, width, height)
                : throw new InvalidOperationException($"Frame {index} of {path} decoded to {bytes.Length} bytes, not {width}x{height}x3.");
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// The average PSNR (dB) of <paramref name="path"/> against <paramref name="reference"/>, frame by frame (paired by
    /// index, so a container's start offset, e.g. for Opus's pre-skip, does not pair neighbours); infinity when identical.
    /// </summary>
    public static async Task<double> PsnrAsync(string path, string reference)
    {
        var log = await RunAsync(
            "ffmpeg", ["-v", "info", "-nostats", "-i", path, "-i", reference, "-lavfi", "[0:v]setpts=N[a];[1:v]setpts=N[b];[a][b]psnr", "-f", "null", "-"], captureErrors: true);
        var value = log[(log.LastIndexOf("average:", StringComparison.Ordinal) + 8)..].Split(' ')[0];
        return value == "inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture);
    }

    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, bool captureErrors = false)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await stderr}");
        }

        return captureErrors ? await stderr : await stdout;
    }
}

public sealed record DecodedFrame(byte[] Rgb, int Width, int Height)
{
    public (int R, int G, int B) At(int x, int y)
    {
        var offset = (y * Width + x) * 3;
        return (Rgb[offset], Rgb[offset + 1], Rgb[offset + 2]);
    }

    /// <summary>True when the pixel is within <paramref name="tolerance"/> per channel of the expected colour (video encoding shifts colours slightly).</summary>
    public bool IsNear(int x, int y, (int R, int G, int B) expected, int tolerance = 24)
    {
        var (r, g, b) = At(x, y);
        return Math.Abs(r - expected.R) <= tolerance && Math.Abs(g - expected.G) <= tolerance && Math.Abs(b - expected.B) <= tolerance;
    }

    /// <summary>Counts pixels in a rectangle that are close to the colour, to find text or an image in a region.</summary>
    public int CountNear(int x0, int y0, int x1, int y1, (int R, int G, int B) colour, int tolerance = 40)
    {
        var count = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                count += IsNear(x, y, colour, tolerance) ? 1 : 0;
            }
        }

        return count;
    }
}
