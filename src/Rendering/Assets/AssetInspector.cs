using System.Globalization;
using System.Text.Json;
using Orleans.Render.Rendering.Engine;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SkiaSharp;

namespace Orleans.Render.Rendering.Assets;

/// <summary>
/// Checks an uploaded file before it becomes a project asset: images must decode within the pixel limit (ImageSharp),
/// fonts must be TTF/OTF files Skia loads (their family is recorded), colour LUTs (<c>.cube</c>) must be 3D tables
/// <see cref="CubeLut"/> reads (their size is recorded as width and height), video and audio must be a known container that
/// ffprobe reads within <see cref="AssetOptions.ProbeTimeout"/>. The kind expected comes from the name's extension, else
/// the Content-Type, else the content itself. Problems are <see cref="RenderInputException"/>s naming what is wrong.
/// </summary>
public sealed class AssetInspector(AssetOptions options)
{
    // The kind a name's extension promises and, for video and audio, the container it names.
    private static readonly Dictionary<string, (string Kind, string? Container)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = ("image", null), [".jpg"] = ("image", null), [".jpeg"] = ("image", null), [".gif"] = ("image", null),
        [".webp"] = ("image", null), [".bmp"] = ("image", null), [".tif"] = ("image", null), [".tiff"] = ("image", null),
        [".ttf"] = ("font", null), [".otf"] = ("font", null), [".cube"] = ("lut", null),
        [".mp4"] = ("video", "mp4"), [".m4v"] = ("video", "mp4"), [".mov"] = ("video", "mov"), [".webm"] = ("video", "webm"),
        [".mkv"] = ("video", "matroska"), [".avi"] = ("video", "avi"),
        [".mp3"] = ("audio", "mp3"), [".wav"] = ("audio", "wav"), [".m4a"] = ("audio", "mp4"), [".aac"] = ("audio", "aac"),
        [".ogg"] = ("audio", "ogg"), [".oga"] = ("audio", "ogg"), [".opus"] = ("audio", "ogg"), [".flac"] = ("audio", "flac"),
    };

    // Only plain media containers: playlists and meta-formats (hls, concat, …) could make ffmpeg open other files or URLs.
    // ffprobe gives one demuxer several names (mov,mp4,m4a,3gp,3g2,mj2; matroska,webm): the extension picks among them,
    // else the first here does.
    private static readonly Container[] Containers =
    [
        new("mp4", "video/mp4", "audio/mp4"),
        new("mov", "video/quicktime", "audio/mp4"),
        new("webm", "video/webm", "audio/webm"),
        new("matroska", "video/x-matroska", "audio/x-matroska"),
        new("avi", "video/x-msvideo", "audio/x-wav"),
        new("mp3", "", "audio/mpeg"),
        new("wav", "", "audio/wav"),
        new("ogg", "video/ogg", "audio/ogg"),
        new("flac", "", "audio/flac"),
        new("aac", "", "audio/aac"),
    ];

    private static readonly string DemuxerWhitelist = string.Join(',', Containers.Select(c => c.Format));

    public async Task<InspectedAsset> InspectAsync(string path, string name, string? contentType, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length > options.MaxBytes)
        {
            throw new RenderInputException("asset_too_large", $"'{name}' is larger than {options.MaxBytes} bytes (Assets:MaxBytes).");
        }

        switch (ExpectedKind(name, contentType))
        {
            case "image":
                return InspectImage(path, name);
            case "font":
                return InspectFont(path, name);
            case "lut":
                var lut = await CubeLut.ReadAsync(path, name, cancellationToken);
                return new InspectedAsset("lut", "text/plain", Width: lut.Size, Height: lut.Size);
            case { } media:
                return await ProbeAsync(path, name, media, cancellationToken);
        }

        if (IsImage(path))
        {
            return InspectImage(path, name);
        }

        if (LooksLikeFont(path))
        {
            return InspectFont(path, name);
        }

        try
        {
            return await ProbeAsync(path, name, null, cancellationToken);
        }
        catch (RenderInputException)
        {
            throw new RenderInputException(
                "asset_unsupported", $"'{name}' is not an image, a TTF/OTF font, a video or an audio file this server can use.");
        }
    }

    /// <summary>image, font, lut, video or audio from the extension, else from a specific Content-Type, else null.</summary>
    public static string? ExpectedKind(string name, string? contentType)
    {
        if (Extensions.TryGetValue(Path.GetExtension(name), out var promised))
        {
            return promised.Kind;
        }

        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            _ when type.StartsWith("image/", StringComparison.Ordinal) => "image",
            _ when type.StartsWith("font/", StringComparison.Ordinal) => "font",
            "application/font-sfnt" or "application/x-font-ttf" or "application/x-font-otf" or "application/vnd.ms-opentype" => "font",
            _ when type.StartsWith("video/", StringComparison.Ordinal) => "video",
            _ when type.StartsWith("audio/", StringComparison.Ordinal) => "audio",
            _ => null,
        };
    }

    private static bool IsImage(string path)
    {
        try
        {
            return Image.Identify(path) is not null;
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            return false;
        }
    }

    private InspectedAsset InspectImage(string path, string name)
    {
        try
        {
            // Identify reads only the header, so an image bomb is refused before pixels are allocated.
            var info = Image.Identify(path, out var format)
                ?? throw new RenderInputException("image_invalid", $"'{name}' is not a decodable image (PNG, JPEG, GIF, WebP, BMP, TIFF).");
            if ((long)info.Width * info.Height > options.MaxPixels)
            {
                throw new RenderInputException(
                    "image_too_large", $"'{name}' is {info.Width}x{info.Height}, more than the {options.MaxPixels} pixel limit.");
            }

            using var image = Image.Load(path);
            return new InspectedAsset("image", format.DefaultMimeType, info.Width, info.Height);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            throw new RenderInputException("image_invalid", $"'{name}' is not a decodable image: {ex.Message}", ex);
        }
    }

    private static bool IsDecodeFailure(Exception ex) =>
        ex is ImageFormatException or NotSupportedException or InvalidMemoryOperationException or UnknownImageFormatException;

    /// <summary>TrueType (0x00010000 or "true") and OpenType ("OTTO") files; collections and web fonts are not accepted.</summary>
    private static bool LooksLikeFont(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4
            && (magic.SequenceEqual((byte[])[0, 1, 0, 0]) || magic.SequenceEqual("OTTO"u8) || magic.SequenceEqual("true"u8));
    }

    private static InspectedAsset InspectFont(string path, string name)
    {
        if (!LooksLikeFont(path))
        {
            throw new RenderInputException("font_invalid", $"'{name}' is not a TrueType or OpenType font file.");
        }

        using var typeface = SKTypeface.FromFile(path);
        if (typeface is null || typeface.GlyphCount == 0 || string.IsNullOrWhiteSpace(typeface.FamilyName))
        {
            throw new RenderInputException("font_invalid", $"'{name}' could not be loaded as a font.");
        }

        var contentType = File.ReadAllBytes(path).AsSpan(0, 4).SequenceEqual("OTTO"u8) ? "font/otf" : "font/ttf";
        return new InspectedAsset("font", contentType, FontFamily: typeface.FamilyName);
    }

    /// <summary>
    /// ffprobe's view of a video or audio file (<paramref name="expected"/> <c>video</c>, <c>audio</c> or null for either):
    /// container, streams and duration; the render engine uses it for the media a movie plays.
    /// </summary>
    public async Task<InspectedAsset> ProbeAsync(string path, string name, string? expected, CancellationToken cancellationToken)
    {
        var kindWord = expected ?? "media";
        var code = expected == "audio" ? "audio_invalid" : "video_invalid";
        JsonElement probe;
        try
        {
            probe = await RunProbeAsync(path, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new RenderInputException(code, $"'{name}' is not a readable {kindWord} file: {ex.Message}");
        }

        var formats = probe.TryGetProperty("format", out var format) && format.TryGetProperty("format_name", out var formatName)
            ? (formatName.GetString() ?? "").Split(',')
            : [];
        var accepted = Containers.Where(c => formats.Contains(c.Format)).ToList();
        if (accepted.Count == 0)
        {
            throw new RenderInputException(
                code, $"'{name}' is in a container this server does not accept ({string.Join(",", formats)}); use MP4, MOV, WebM, MKV, MP3, WAV, OGG, FLAC or AAC.");
        }

        var streams = probe.TryGetProperty("streams", out var list) ? list.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(s => Text(s, "codec_type") == "video"
            && !(s.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var pic) && pic.GetInt32() == 1));
        var hasAudio = streams.Any(s => Text(s, "codec_type") == "audio");
        var duration = double.TryParse(Text(format, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
        var kind = video.ValueKind == JsonValueKind.Object ? "video" : hasAudio ? "audio" : null;
        if (kind is null || (expected is not null && kind != expected))
        {
            throw new RenderInputException(code, $"'{name}' has no {(expected == "audio" ? "audio" : "video")} stream.");
        }

        if (duration <= 0)
        {
            throw new RenderInputException(code, $"'{name}' has no duration ffprobe can read.");
        }

        var named = Extensions.TryGetValue(Path.GetExtension(name), out var promised) ? promised.Container : null;
        var container = accepted.FirstOrDefault(c => c.Format == named) ?? accepted[0];
        return kind == "video"
            ? new InspectedAsset("video", container.VideoType, video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32(), duration, HasAudio: hasAudio)
            : new InspectedAsset("audio", container.AudioType, DurationSeconds: duration, HasAudio: true);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>ffprobe on a local file only (no other protocols), as an argument list, killed after the probe timeout.</summary>
    private async Task<JsonElement> RunProbeAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        // The demuxer whitelist keeps playlists (hls, concat) from opening other files before the container check below.
        string[] arguments =
        [
            "-v", "error", "-protocol_whitelist", "file", "-format_whitelist", DemuxerWhitelist,
            "-print_format", "json", "-show_format", "-show_streams", "-i", "file:" + fullPath,
        ];
        BoundedProcess.Result result;
        try
        {
            result = await BoundedProcess.RunAsync(options.FfprobePath, arguments, options.ProbeTimeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new InvalidDataException(ex.Message.TrimEnd('.'));
        }

        var output = result.Output;
        var errors = ServerPaths.Scrub(result.Errors.Replace("file:" + fullPath, "the file", StringComparison.Ordinal).Replace(fullPath, "the file", StringComparison.Ordinal)).Trim();
        if (result.ExitCode != 0)
        {
            throw new InvalidDataException(errors.Length > 200 ? errors[..200] : errors.Length > 0 ? errors : "ffprobe could not read it");
        }

        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private sealed record Container(string Format, string VideoType, string AudioType);
}
