using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Reads an <c>easing</c>: one of the named easings, or a cubic Bézier <c>[x1, y1, x2, y2]</c> as CSS's
/// <c>cubic-bezier()</c> (what impossible.io's "speed, influence" ease pairs translate to). The handles' times must be
/// 0–1 so time never runs backwards; their values may overshoot a little (−1–2).
/// </summary>
internal static class EasingReader
{
    public const double MinHandleValue = -1;
    public const double MaxHandleValue = 2;

    public static (Easing Easing, CubicBezier? Bezier) Read(ObjectReader reader)
    {
        if (!reader.IsArray("easing"))
        {
            return (Easings.Parse(reader.Choice("easing", "linear", Easings.Names)), null);
        }

        if (reader.NumberArray("easing", 4) is not { } numbers)
        {
            return (Easing.Linear, null);
        }

        var valid = true;
        for (var i = 0; i < 4; i++)
        {
            var (min, max) = i % 2 == 0 ? (0.0, 1.0) : (MinHandleValue, MaxHandleValue);
            if (numbers[i] < min || numbers[i] > max)
            {
                reader.Error($"easing[{i}]", $"must be between {min} and {max} (a cubic Bézier's {(i % 2 == 0 ? "times are 0–1" : "values are −1–2")}).");
                valid = false;
            }
        }

        return (Easing.Linear, valid ? new CubicBezier(numbers[0], numbers[1], numbers[2], numbers[3]) : null);
    }
}
