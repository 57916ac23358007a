using System.Globalization;

namespace Orleans.Render.Rendering.Model;

/// <summary>
/// Frames per second as an exact fraction, so NTSC rates (<c>30000/1001</c>) keep frame counts and timestamps exact:
/// frame n starts at n × <see cref="Denominator"/> / <see cref="Numerator"/> seconds. Written the way ffmpeg reads a
/// rate (<c>25</c>, <c>30000/1001</c>), so it goes into filter options and <c>-r</c> as it is.
/// </summary>
public readonly record struct FrameRate
{
    /// <summary>The largest denominator accepted: enough for the NTSC rates (1001) and for decimals with three digits (1000).</summary>
    public const int MaxDenominator = 1001;

    public FrameRate(int numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numerator, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(denominator, 1);
        var divisor = Gcd(numerator, denominator);
        (Numerator, Denominator) = (numerator / divisor, denominator / divisor);
    }

    public int Numerator { get; }

    public int Denominator { get; }

    public double PerSecond => Numerator / (double)Denominator;

    /// <summary>ffmpeg's time base for one frame, <c>1001/30000</c>.</summary>
    public string TimeBase => string.Create(CultureInfo.InvariantCulture, $"{Denominator}/{Numerator}");

    public static FrameRate Whole(int fps) => new(fps, 1);

    /// <summary>When frame <paramref name="frames"/> (may be fractional, e.g. half a frame) starts, in seconds.</summary>
    public double Seconds(double frames) => frames * Denominator / Numerator;

    /// <summary>The frame nearest to <paramref name="seconds"/>, halves rounded up.</summary>
    public int ToFrames(double seconds) => (int)Math.Round(seconds * Numerator / Denominator, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Reads <c>30000/1001</c>, <c>25</c>, or a decimal: 23.976, 29.97 and 59.94 (two or three decimals) are the NTSC
    /// rates 24000/1001, 30000/1001 and 60000/1001; any other decimal is taken to three decimals (12.5 is 25/2).
    /// </summary>
    public static bool TryParse(string? text, out FrameRate rate)
    {
        rate = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
                || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
                || numerator < 1 || denominator < 1 || denominator > MaxDenominator)
            {
                return false;
            }

            rate = new FrameRate(numerator, denominator);
            return true;
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && TryFromDecimal(value, out rate);
    }

    public static bool TryFromDecimal(double value, out FrameRate rate)
    {
        rate = default;
        if (!(value >= 0.001 && value <= 100_000))
        {
            return false;
        }

        foreach (var whole in (int[])[24, 30, 48, 60, 120])
        {
            if (Math.Abs(value - whole * 1000 / 1001.0) < 0.005)
            {
                rate = new FrameRate(whole * 1000, 1001);
                return true;
            }
        }

        rate = new FrameRate((int)Math.Round(value * 1000), 1000);
        return true;
    }

    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
