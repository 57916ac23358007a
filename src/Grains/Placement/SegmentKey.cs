using System.Globalization;

namespace Orleans.Render.Grains.Placement;

/// <summary>
/// The key of a <c>SegmentRendererGrain</c>: <c>{pool}/{unit}/{index}/{attempt}</c>. The pool lets placement choose a
/// silo without any other lookup; index and attempt spread a job's units over the pool and move a retry elsewhere.
/// </summary>
public readonly record struct SegmentKey(string Pool, string Unit, int Index, int Attempt)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pool}/{Unit}/{Index}/{Attempt}");

    public static SegmentKey Parse(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 4
            ? new SegmentKey(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture))
            : throw new FormatException($"'{key}' is not a segment key.");
    }
}
