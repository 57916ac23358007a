using System.Globalization;

namespace Orleans.Render.Rendering.Model;

/// <summary>An sRGB colour with alpha, written by users as <c>#rgb</c>, <c>#rrggbb</c> or <c>#rrggbbaa</c>.</summary>
public readonly record struct RgbaColor(byte R, byte G, byte B, byte A = 255)
{
    public static bool TryParse(string? text, out RgbaColor color)
    {
        color = default;
        if (text is null || text.Length < 4 || text[0] != '#')
        {
            return false;
        }

        var hex = text.AsSpan(1);
        if (hex.Length == 3)
        {
            hex = string.Concat(hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]).AsSpan();
        }

        if (hex.Length is not (6 or 8) || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        color = hex.Length == 6
            ? new RgbaColor((byte)(value >> 16), (byte)(value >> 8), (byte)value)
            : new RgbaColor((byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    /// <summary>The form ffmpeg's colour options take: <c>0xRRGGBB@alpha</c>.</summary>
    public string ToFfmpeg() =>
        string.Create(CultureInfo.InvariantCulture, $"0x{R:X2}{G:X2}{B:X2}@{A / 255.0:0.###}");

    public override string ToString() =>
        A == 255 ? $"#{R:x2}{G:x2}{B:x2}" : $"#{R:x2}{G:x2}{B:x2}{A:x2}";
}
