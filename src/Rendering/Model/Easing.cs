namespace Orleans.Render.Rendering.Model;

/// <summary>How a value moves between two keyframes; see <see cref="Easings"/> for the formulas.</summary>
public enum Easing { Linear, EaseIn, EaseOut, EaseInOut }

/// <summary>
/// The easing formulas on normalised time u in [0, 1]: ease-in is quadratic (u²), ease-out its mirror (1−(1−u)²) and
/// ease-in-out smoothstep (u²(3−2u)), which starts and ends with zero speed. The compiler writes the same formulas as
/// ffmpeg expressions, so a value computed here equals the one ffmpeg draws.
/// </summary>
public static class Easings
{
    public static double Apply(Easing easing, double u) => easing switch
    {
        Easing.EaseIn => u * u,
        Easing.EaseOut => 1 - ((1 - u) * (1 - u)),
        Easing.EaseInOut => u * u * (3 - (2 * u)),
        _ => u,
    };

    public static Easing Parse(string name) => name switch
    {
        "ease-in" => Easing.EaseIn,
        "ease-out" => Easing.EaseOut,
        "ease-in-out" => Easing.EaseInOut,
        _ => Easing.Linear,
    };

    public static readonly string[] Names = ["linear", "ease-in", "ease-out", "ease-in-out"];
}
