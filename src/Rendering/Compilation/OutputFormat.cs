namespace Orleans.Render.Rendering.Compilation;

public enum OutputFormat
{
    Mp4,
    Webm,
    Gif,
    Jpg,
    Png,
}

public static class OutputFormats
{
    public static bool TryParse(string extension, out OutputFormat format) =>
        Enum.TryParse(extension, ignoreCase: true, out format) && Enum.IsDefined(format) && !char.IsDigit(extension[0]);

    public static string Extension(this OutputFormat format) => format.ToString().ToLowerInvariant();

    public static bool IsStill(this OutputFormat format) => format is OutputFormat.Jpg or OutputFormat.Png;

    public static string ContentType(this OutputFormat format) => format switch
    {
        OutputFormat.Mp4 => "video/mp4",
        OutputFormat.Webm => "video/webm",
        OutputFormat.Gif => "image/gif",
        OutputFormat.Jpg => "image/jpeg",
        _ => "image/png",
    };
}
