using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The engine's half of the output-format table (<see cref="OutputFormats"/>): per format, the video encoder, the
/// sound encoder, the muxer, the end of the filter graph and whether segments join by stream copy. Adding a format is
/// a row here and a row there. The movie's <c>output</c> block (<see cref="OutputSettings"/>) replaces a default where
/// a format has a use for it; everything else comes from <see cref="EncoderSettings"/>.
/// </summary>
public static class FormatEncoders
{
    /// <summary>What a row's encoder arguments are made from: the output, the movie's choices, the silo's defaults, the frame rate.</summary>
    public sealed record Encoding(OutputSpec Spec, OutputSettings Settings, EncoderSettings Encoder, FrameRate Fps);

    private delegate IReadOnlyList<string> Arguments(Encoding encoding);

    /// <param name="Video">Video codec arguments (for a still, the image writer's).</param>
    /// <param name="Sound">Sound codec arguments; null when the format carries none.</param>
    /// <param name="Muxer">Container arguments, last on the command line.</param>
    /// <param name="Joins">Segments rendered apart join into the output by stream copy, so <c>parallel</c> applies.</param>
    /// <param name="Tail">The graph's last filters before <c>[out]</c>; null passes the pictures on as they are.</param>
    /// <param name="FrameTimescale">
    /// The file's own durations (mp4's <c>mvhd</c>, 1/1000 s by default) are counted in a timescale the frame rate
    /// divides. The concat demuxer offsets each segment by that duration: 20 frames at 30000/1001 written as 0.668 s
    /// left a 0.67 ms gap at every join.
    /// </param>
    private sealed record Row(
        OutputFormat Format, Arguments Video, Arguments? Sound, string[] Muxer, bool Joins, Func<Encoding, string>? Tail = null, bool FrameTimescale = false);

    private static readonly string[] SoundLayout = ["-ar", Invariant($"{AudioMix.SampleRate}"), "-ac", "2"];

    private static readonly Row[] Rows =
    [
        new(OutputFormat.Mp4, X264, Aac, ["-movflags", "+faststart", "-f", "mp4"], Joins: true, FrameTimescale: true),
        new(OutputFormat.Webm, Vp9, e => Sound(e, "libopus", 128), ["-f", "webm"], Joins: true),
        new(OutputFormat.Flv, X264, Aac, ["-f", "flv"], Joins: false),
        new(OutputFormat.Mpeg, e => Quantised(e, "mpeg2video"), e => Sound(e, "mp2", 192), ["-f", "vob"], Joins: false),
        new(OutputFormat.Wmv, e => Quantised(e, "wmv2"), e => Sound(e, "wmav2", 128), ["-f", "asf"], Joins: false),
        new(OutputFormat.Mov, ProRes, _ => ["-c:a", "pcm_s16le", .. SoundLayout], ["-f", "mov"], Joins: false),
        new(OutputFormat.Gif, Gif, null, ["-f", "gif"], Joins: false, GifPalette),
        new(OutputFormat.Jpg, e => Still(["-q:v", Invariant($"{JpegQScale(e.Spec.Quality)}"), "-pix_fmt", "yuvj420p", "-c:v", "mjpeg"]), null, ["-f", "image2"], Joins: false),
        new(OutputFormat.Png, _ => Still(["-pix_fmt", "rgb24", "-c:v", "png"]), null, ["-f", "image2"], Joins: false),
        new(OutputFormat.Tif, _ => Still(["-pix_fmt", "rgb24", "-c:v", "tiff"]), null, ["-f", "image2"], Joins: false),
    ];

    /// <summary>The video encoder's arguments, shared by whole outputs, segments and stream pieces.</summary>
    public static IReadOnlyList<string> Video(Encoding encoding) => RowOf(encoding.Spec.Format).Video(encoding);

    /// <summary>The sound encoder's arguments (48 kHz stereo); empty for a format without sound.</summary>
    public static IReadOnlyList<string> Sound(Encoding encoding) => RowOf(encoding.Spec.Format).Sound?.Invoke(encoding) ?? [];

    /// <summary>The container's arguments; with the frame rate, durations are counted in ticks it divides (see <see cref="Row"/>).</summary>
    public static IReadOnlyList<string> Muxer(OutputFormat format, FrameRate? fps = null) => RowOf(format) switch
    {
        { FrameTimescale: true } row when fps is { } rate => ["-movie_timescale", Invariant($"{rate.Numerator * (int)Math.Ceiling(1000.0 / rate.Numerator)}"), .. row.Muxer],
        var row => row.Muxer,
    };

    /// <summary>Whether the format's segments join by stream copy (mp4, webm); every other format renders as one unit.</summary>
    public static bool Joins(OutputFormat format) => RowOf(format).Joins;

    /// <summary>The graph's last statement, from the composed movie <paramref name="current"/> to <c>[out]</c>.</summary>
    public static string Tail(Encoding encoding, string current) =>
        RowOf(encoding.Spec.Format).Tail is { } tail ? $"[{current}]{tail(encoding)}[out]" : $"[{current}]null[out]";

    private static string[] X264(Encoding e) =>
    [
        "-c:v", "libx264", "-preset", e.Encoder.X264Preset, .. Rate(e, e.Settings.Crf ?? e.Encoder.X264Crf, "-crf"), "-pix_fmt", "yuv420p",
        "-profile:v", e.Settings.H264Profile ?? "high", "-r", e.Fps.ToString(),
    ];

    private static string[] Vp9(Encoding e) =>
    [
        "-c:v", "libvpx-vp9", .. e.Settings.VideoBitrateKbps is { } kbps ? ["-b:v", Invariant($"{kbps}k")] : (string[])["-crf", Invariant($"{e.Settings.Crf ?? e.Encoder.Vp9Crf}"), "-b:v", "0"],
        "-deadline", "realtime", "-cpu-used", Invariant($"{e.Encoder.Vp9Speed}"), "-row-mt", "1", "-pix_fmt", "yuv420p", "-r", e.Fps.ToString(),
    ];

    /// <summary>MPEG-2 and WMV2: a fixed quantiser (4, good quality) unless a bitrate is chosen.</summary>
    private static string[] Quantised(Encoding e, string codec) => ["-c:v", codec, .. Rate(e, 4, "-q:v"), "-pix_fmt", "yuv420p", "-r", e.Fps.ToString()];

    private static string[] ProRes(Encoding e) =>
    [
        "-c:v", "prores_ks", "-profile:v", Invariant($"{Array.IndexOf(Parsing.OutputSettingsReader.ProresProfiles, e.Settings.ProresProfile ?? "standard")}"),
        "-pix_fmt", "yuv422p10le", "-r", e.Fps.ToString(),
    ];

    private static string[] Gif(Encoding e) => ["-r", e.Settings.GifFps is { } fps ? Invariant($"{fps}") : e.Fps.ToString(), "-loop", "0"];

    /// <summary>One palette per frame keeps memory flat; a whole-movie palette would buffer every frame before writing.</summary>
    private static string GifPalette(Encoding e) =>
        (e.Settings.GifFps is { } fps ? Invariant($"fps={fps},") : "")
        + Invariant($"split[g0][g1];[g0]palettegen=stats_mode=single:max_colors={e.Settings.GifColors ?? 256}[pal];[g1][pal]paletteuse=new=1");

    private static string[] Still(string[] writer) => ["-frames:v", "1", "-update", "1", .. writer];

    private static string[] Aac(Encoding e) => Sound(e, "aac", 160);

    private static string[] Sound(Encoding e, string codec, int defaultKbps) =>
        ["-c:a", codec, "-b:a", Invariant($"{e.Settings.AudioBitrateKbps ?? defaultKbps}k"), .. SoundLayout];

    /// <summary>A chosen bitrate, else the constant quality <paramref name="quality"/> given with <paramref name="option"/>.</summary>
    private static string[] Rate(Encoding e, int quality, string option) => e.Settings.VideoBitrateKbps is { } kbps
        ? ["-b:v", Invariant($"{kbps}k"), "-maxrate", Invariant($"{kbps}k"), "-bufsize", Invariant($"{2 * kbps}k")]
        : [option, Invariant($"{quality}")];

    /// <summary>Maps impossible.io's JPEG quality (10–99, higher is better) onto ffmpeg's qscale (31–2, lower is better).</summary>
    private static int JpegQScale(int quality) => (int)Math.Round(2 + (99 - Math.Clamp(quality, 10, 99)) * 29 / 89.0);

    private static Row RowOf(OutputFormat format) =>
        Array.Find(Rows, r => r.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "No encoder row for this format.");
}
