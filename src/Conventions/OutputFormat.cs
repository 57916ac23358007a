namespace Orleans.Render.Conventions;

/// <summary>The files a render produces, one per output extension (see <see cref="OutputFormats"/>).</summary>
public enum OutputFormat
{
    Mp4,
    Webm,
    Gif,
    Jpg,
    Png,
    Flv,
    Mpeg,
    Wmv,
    Mov,
    Tif,
}
