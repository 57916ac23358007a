namespace Orleans.Render.Conventions;

/// <summary>
/// The output-format table: what each format's extension, media type and nature are. The API accepts, the job grain
/// plans and the engine compiles exactly the formats listed here.
/// </summary>
public static class OutputFormats
{
    /// <param name="IsStill">One frame of the movie (the request names which).</param>
    /// <param name="CarriesSound">The container holds the movie's sound.</param>
    /// <param name="Streams">Delivered as a stream of pieces while it renders (progressive, HLS, DASH, play).</param>
    private sealed record Row(OutputFormat Format, string Extension, string ContentType, bool IsStill, bool CarriesSound, bool Streams);

    private static readonly Row[] Rows =
    [
        new(OutputFormat.Mp4, "mp4", "video/mp4", IsStill: false, CarriesSound: true, Streams: true),
        new(OutputFormat.Webm, "webm", "video/webm", IsStill: false, CarriesSound: true, Streams: true),
        new(OutputFormat.Gif, "gif", "image/gif", IsStill: false, CarriesSound: false, Streams: false),
        new(OutputFormat.Jpg, "jpg", "image/jpeg", IsStill: true, CarriesSound: false, Streams: false),
        new(OutputFormat.Png, "png", "image/png", IsStill: true, CarriesSound: false, Streams: false),
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

    public static string Extension(this OutputFormat format) => RowOf(format).Extension;

    public static string ContentType(this OutputFormat format) => RowOf(format).ContentType;

    public static bool IsStill(this OutputFormat format) => RowOf(format).IsStill;

    public static bool CarriesSound(this OutputFormat format) => RowOf(format).CarriesSound;

    public static bool Streams(this OutputFormat format) => RowOf(format).Streams;

    private static Row RowOf(OutputFormat format) =>
        Array.Find(Rows, r => r.Format == format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "Not in the output-format table.");
}
