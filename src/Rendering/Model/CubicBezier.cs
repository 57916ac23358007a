namespace Orleans.Render.Rendering.Model;

/// <summary>
/// An easing drawn as a cubic Bézier from (0, 0) to (1, 1) with handles (<c>X1</c>, <c>Y1</c>) and (<c>X2</c>, <c>Y2</c>),
/// as CSS's <c>cubic-bezier()</c>: x is the time between two keyframes, y how far the value has moved. impossible.io's
/// "speed, influence" ease pairs are such handles (<see cref="FromEasePairs"/>). With <c>X1</c> and <c>X2</c> in 0–1
/// the time never runs backwards, so each u has one point on the curve; it is found by bisection in
/// <see cref="Steps"/> halvings (better than 1e-7), and the compiler writes the same bisection as an ffmpeg expression so
/// a value computed here equals the one ffmpeg draws.
/// </summary>
public sealed record CubicBezier(double X1, double Y1, double X2, double Y2)
{
    public const int Steps = 24;

    /// <summary>
    /// impossible.io's <c>easein</c> and <c>easeout</c> pairs: each is how far the handle of the starting (in) or ending
    /// (out) keyframe reaches, first in time, then in value, as fractions of the move. Its default for an enabled ease,
    /// "0.333, 0", is then After Effects' easy ease (a third of the time at zero speed) and "0, 0" is no ease, which is
    /// the only reading that makes both defaults mean what the documentation says.
    /// </summary>
    public static CubicBezier FromEasePairs((double Time, double Value) easeIn, (double Time, double Value) easeOut) =>
        new(easeIn.Time, easeIn.Value, Math.Round(1 - easeOut.Time, 9), Math.Round(1 - easeOut.Value, 9));

    public double Apply(double u)
    {
        var (low, high) = (0.0, 1.0);
        for (var step = 0; step < Steps; step++)
        {
            var middle = (low + high) / 2;
            if (Coordinate(middle, X1, X2) < u)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return Coordinate((low + high) / 2, Y1, Y2);
    }

    /// <summary>One coordinate of the curve at parameter s, with the handles' coordinates a and b.</summary>
    private static double Coordinate(double s, double a, double b) =>
        (3 * (1 - s) * (1 - s) * s * a) + (3 * (1 - s) * s * s * b) + (s * s * s);
}
