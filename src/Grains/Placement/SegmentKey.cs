using System.Globalization;

namespace Orleans.Render.Grains.Placement;

/// <summary>
/// The key of a <c>SegmentRendererGrain</c>: <c>{pool}/{token}/{output}/{segment}/{attempt}</c>. The pool lets placement
/// choose a silo without any other lookup; segment and attempt spread the segments and move a retry to another silo.
/// </summary>
public readonly record struct SegmentKey(string Pool, string Token, string Output, int Segment, int Attempt)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pool}/{Token}/{Output}/{Segment}/{Attempt}");

    public static SegmentKey Parse(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 5
            ? new SegmentKey(parts[0], parts[1], parts[2], int.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture))
            : throw new FormatException($"'{key}' is not a segment key.");
    }
}
