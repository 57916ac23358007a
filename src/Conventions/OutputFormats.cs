namespace Orleans.Render.Conventions;

/// <summary>
/// The output-format table: what each format's extension, media type and nature are, and the modes it is retrieved
/// in. The API accepts, the job grain plans and the engine compiles exactly the formats listed here; the engine's
/// half of each row (codecs and muxer) is <c>Rendering.Compilation.FormatEncoders</c>, one row per format as well.
/// </summary>
public static class OutputFormats
{
    private const DeliveryMode RenderOnly = DeliveryMode.Render;

    /// <param name="IsStill">One frame of the movie (the request names which).</param>
    /// <param name="CarriesSound">The container holds the movie's sound.</param>
    /// <param name="Streams">Delivered as a stream of pieces while it renders (progressive, HLS, DASH, play).</param>
    /// <param name="Modes">The retrieval modes that serve it; a mode that does not stream it sends the rendered file.</param>
    private sealed record Row(OutputFormat Format, string Extension, string ContentType, bool IsStill, bool CarriesSound, bool Streams, DeliveryMode Modes);

    private static readonly Row[] Rows =
    [
        // get + mp4 is not in impossible.io's matrix, but every official SDK's getUrl() builds it.
        new(OutputFormat.Mp4, "mp4", "video/mp4", IsStill: false, CarriesSound: true, Streams: true, DeliveryMode.Render | DeliveryMode.Get),
        new(OutputFormat.Webm, "webm", "video/webm", IsStill: false, CarriesSound: true, Streams: true, DeliveryMode.Render | DeliveryMode.Get | DeliveryMode.Play),
        new(OutputFormat.Flv, "flv", "video/x-flv", IsStill: false, CarriesSound: true, Streams: false, DeliveryMode.Render | DeliveryMode.Get | DeliveryMode.Play),
        new(OutputFormat.Mpeg, "mpeg", "video/mpeg", IsStill: false, CarriesSound: true, Streams: false, RenderOnly),
        new(OutputFormat.Wmv, "wmv", "video/x-ms-wmv", IsStill: false, CarriesSound: true, Streams: false, RenderOnly),
        new(OutputFormat.Mov, "mov", "video/quicktime", IsStill: false, CarriesSound: true, Streams: false, RenderOnly),
        new(OutputFormat.Gif, "gif", "image/gif", IsStill: false, CarriesSound: false, Streams: false, RenderOnly),
        new(OutputFormat.Jpg, "jpg", "image/jpeg", IsStill: true, CarriesSound: false, Streams: false, RenderOnly),
        new(OutputFormat.Png, "png", "image/png", IsStill: true, CarriesSound: false, Streams: false, RenderOnly),
        new(OutputFormat.Tif, "tif", "image/tiff", IsStill: true, CarriesSound: false, Streams: false, RenderOnly),
    ];

    private static readonly Dictionary<string, Row> ByExtension = Rows.ToDictionary(r => r.Extension, StringComparer.Ordinal);

    /// <summary>Every output extension, lower case, in table order.</summary>
    public static readonly IReadOnlyList<string> Extensions = [.. Rows.Select(r => r.Extension)];

    /// <summary>The extensions a token streams in (its stream containers).</summary>
    public static readonly IReadOnlyList<string> StreamExtensions = [.. Rows.Where(r => r.Streams).Select(r => r.Extension)];

    /// <summary>The format of a lower-case extension such as <c>mp4</c>.</summary>
    public static bool TryParse(string? extension, out OutputFormat format)
    {
        var found = extension is not null && ByExtension.TryGetValue(extension, out var row) ? row : null;
        format = found?.Format ?? default;
        return found is not null;
    }

    public static bool IsOutputExtension(string? extension) => extension is not null && ByExtension.ContainsKey(extension);

    /// <summary>The extensions <paramref name="mode"/> serves, in table order.</summary>
    public static IReadOnlyList<string> ExtensionsServedIn(DeliveryMode mode) => [.. Rows.Where(r => r.Modes.HasFlag(mode)).Select(r => r.Extension)];

    public static string Extension(this OutputFormat format) => RowOf(format).Extension;

    public static string ContentType(this OutputFormat format) => RowOf(format).ContentType;

    public static bool IsStill(this OutputFormat format) => RowOf(format).IsStill;

    public static bool CarriesSound(this OutputFormat format) => RowOf(format).CarriesSound;

    public static bool Streams(this OutputFormat format) => RowOf(format).Streams;

    private static Row RowOf(OutputFormat format) =>
        Array.Find(Rows, r => r.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "Not in the output-format table.");
}
