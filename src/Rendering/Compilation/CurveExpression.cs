using System.Globalization;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Writes a <see cref="Curve"/> as an ffmpeg expression of a time in seconds, with the easing formulas of
/// <see cref="Easings"/> (ease-in u², ease-out 1−(1−u)², ease-in-out smoothstep u²(3−2u)) or a point's
/// <see cref="CubicBezier"/>. Only numbers the
/// compiler made reach the expression, never user text.
/// </summary>
public static class CurveExpression
{
    public static string Of(Curve curve, string time, FrameRate fps)
    {
        var points = curve.Points;
        if (curve.IsConstant)
        {
            return Number(points[0].Value);
        }

        var expression = Number(points[^1].Value);
        for (var i = points.Count - 1; i > 0; i--)
        {
            var (from, to) = (points[i - 1], points[i]);
            if (to.Frame <= from.Frame)
            {
                continue;
            }

            var (t0, t1) = (Seconds(from.Frame, fps), Seconds(to.Frame, fps));
            var u = $"(({time}-{t0})/{Number(fps.Seconds(to.Frame - from.Frame))})";
            var change = to.Value - from.Value;
            var eased = change == 0 ? "0" : $"{Number(change)}*{(from.Bezier is { } bezier ? Bezier(bezier, u) : Ease(from.Easing, u))}";
            expression = $"if(lt({time},{t1}),{Number(from.Value)}+{eased},{expression})";
        }

        return $"if(lt({time},{Seconds(points[0].Frame, fps)}),{Number(points[0].Value)},{expression})";
    }

    public static string Ease(Easing easing, string u) => easing switch
    {
        Easing.EaseIn => $"{u}*{u}",
        Easing.EaseOut => $"(1-(1-{u})*(1-{u}))",
        Easing.EaseInOut => $"{u}*{u}*(3-2*{u})",
        _ => u,
    };

    /// <summary>
    /// <see cref="CubicBezier.Apply"/> as an expression: the same bisection for the curve's parameter (registers 0–4 hold u,
    /// the bracket, the step and the middle), then the curve's value there.
    /// </summary>
    public static string Bezier(CubicBezier bezier, string u)
    {
        static string Coordinate(double a, double b) =>
            $"(3*(1-ld(4))*(1-ld(4))*ld(4)*{Number(a)}+3*(1-ld(4))*ld(4)*ld(4)*{Number(b)}+ld(4)*ld(4)*ld(4))";
        return $"(st(0,{u});st(1,0);st(2,1);st(3,0);"
            + $"while(lt(ld(3),{CubicBezier.Steps}),st(4,(ld(1)+ld(2))/2);if(lt({Coordinate(bezier.X1, bezier.X2)},ld(0)),st(1,ld(4)),st(2,ld(4)));st(3,ld(3)+1));"
            + $"st(4,(ld(1)+ld(2))/2);{Coordinate(bezier.Y1, bezier.Y2)})";
    }

    public static string Number(double value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    private static string Seconds(int frame, FrameRate fps) => Number(fps.Seconds(frame));
}
