namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A value at a frame of the layer's scene; <c>Easing</c> shapes the move from this point to the next one, or
/// <c>Bezier</c> when it is set.
/// </summary>
public sealed record CurvePoint(int Frame, double Value, Easing Easing = Easing.Linear)
{
    public CubicBezier? Bezier { get; init; }

    public double Ease(double u) => Bezier?.Apply(u) ?? Easings.Apply(Easing, u);
}

/// <summary>
/// A number over time: the first point's value before it, the last one's after it, eased in between.
/// One point (or equal values) is a constant, which the compiler applies once instead of per frame.
/// </summary>
public sealed record Curve(IReadOnlyList<CurvePoint> Points)
{
    public static Curve Constant(double value) => new([new CurvePoint(0, value)]);

    public bool IsConstant => Points.All(p => p.Value.Equals(Points[0].Value));

    public double Min => Points.Min(p => p.Value);

    public double Max => Points.Max(p => p.Value);

    public double ValueAt(double frame)
    {
        if (frame <= Points[0].Frame)
        {
            return Points[0].Value;
        }

        for (var i = 1; i < Points.Count; i++)
        {
            var (from, to) = (Points[i - 1], Points[i]);
            if (frame < to.Frame)
            {
                var u = (frame - from.Frame) / (double)(to.Frame - from.Frame);
                return from.Value + ((to.Value - from.Value) * from.Ease(u));
            }
        }

        return Points[^1].Value;
    }

    public bool Equals(Curve? other) => other is not null && Points.SequenceEqual(other.Points);

    public override int GetHashCode() => Points.Aggregate(0, (hash, point) => HashCode.Combine(hash, point));
}
