using System.Globalization;
using System.Text;

namespace Orleans.Render.Rendering.Assets;

/// <summary>
/// A 3D colour lookup table read from a <c>.cube</c> file (the Adobe/Resolve text format): <c>LUT_3D_SIZE</c> N
/// (2–65), optional <c>TITLE</c> and <c>DOMAIN_MIN</c>/<c>DOMAIN_MAX</c> of 0 and 1, then N³ lines of three numbers with
/// red changing fastest. Anything else (1D tables, other domains, stray keywords, a wrong count, numbers that are not
/// finite) is refused, and ffmpeg never reads the author's file: <see cref="WriteAsync"/> writes a fresh one from the
/// parsed numbers.
/// </summary>
public sealed class CubeLut
{
    public const long MaxBytes = 16 * 1024 * 1024;
    public const int MaxSize = 65;

    private readonly float[] values;

    private CubeLut(int size, float[] values)
    {
        Size = size;
        this.values = values;
    }

    public int Size { get; }

    /// <summary>Reads and checks the file at <paramref name="path"/>; <paramref name="name"/> is used in messages.</summary>
    public static async Task<CubeLut> ReadAsync(string path, string name, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw Refused(name, $"is larger than {MaxBytes / (1024 * 1024)} MiB");
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        var size = 0;
        float[]? values = null;
        var count = 0;
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (parts[0])
            {
                case "TITLE" when count == 0:
                    continue;
                case "LUT_3D_SIZE" when values is null && parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out size):
                    if (size is < 2 or > MaxSize)
                    {
                        throw Refused(name, $"has LUT_3D_SIZE {size}; it must be 2–{MaxSize}");
                    }

                    values = new float[size * size * size * 3];
                    continue;
                case "DOMAIN_MIN" when count == 0 && IsTriple(parts, 0):
                case "DOMAIN_MAX" when count == 0 && IsTriple(parts, 1):
                    continue;
            }

            if (values is null || parts.Length != 3)
            {
                throw Refused(name, $"line {lineNumber} is not what a 3D .cube file holds here (a header with LUT_3D_SIZE and domains of 0 and 1, then three numbers a line)");
            }

            if (count == values.Length)
            {
                throw Refused(name, $"has more than {size}³ entries");
            }

            foreach (var part in parts)
            {
                if (!float.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
                {
                    throw Refused(name, $"line {lineNumber} has '{(part.Length > 20 ? part[..20] : part)}', which is not a number");
                }

                values[count++] = Math.Clamp(value, 0, 1);
            }
        }

        if (values is null || count != values.Length)
        {
            throw Refused(name, values is null ? "has no LUT_3D_SIZE" : $"has {count / 3} entries, not {size}³ = {values.Length / 3}");
        }

        return new CubeLut(size, values);
    }

    /// <summary>Writes the table as a plain .cube file ffmpeg's <c>lut3d</c> reads.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(values.Length * 10).Append(CultureInfo.InvariantCulture, $"LUT_3D_SIZE {Size}\n");
        for (var i = 0; i < values.Length; i += 3)
        {
            text.Append(CultureInfo.InvariantCulture, $"{values[i]:0.######} {values[i + 1]:0.######} {values[i + 2]:0.######}\n");
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }

    private static bool IsTriple(string[] parts, double expected) =>
        parts.Length == 4 && parts.Skip(1).All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v == expected);

    private static RenderInputException Refused(string name, string problem) =>
        new("lut_invalid", $"'{name}' {problem}: a LUT must be a 3D .cube file.");
}
