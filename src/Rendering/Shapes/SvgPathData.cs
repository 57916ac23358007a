using System.Globalization;
using System.Text;

namespace Orleans.Render.Rendering.Shapes;

/// <summary>
/// Strict reader of SVG path data (<c>M L H V C S Q T A Z</c>, absolute and relative) and of polygon point lists
/// (<c>"x,y x,y …"</c>). Either becomes one canonical text of absolute <c>M L C Q A Z</c> commands with invariant
/// numbers, which is what the model stores, the content address hashes and <see cref="ShapeRasterizer"/> draws. Bounded:
/// at most <see cref="MaxCommands"/> commands (or points), every number finite and within ±<see cref="MaxCoordinate"/>.
/// </summary>
public static class SvgPathData
{
    public const int MaxCommands = 1000;
    public const double MaxCoordinate = 100_000;

    private static readonly Dictionary<char, int> Arity = new()
    {
        ['M'] = 2, ['L'] = 2, ['H'] = 1, ['V'] = 1, ['C'] = 6, ['S'] = 4, ['Q'] = 4, ['T'] = 2, ['A'] = 7, ['Z'] = 0,
    };

    /// <summary>The canonical absolute form of <paramref name="data"/>, or null with the reason in <paramref name="error"/>.</summary>
    public static string? Normalize(string data, out string? error)
    {
        var reader = new Tokens(data);
        var output = new StringBuilder();
        var (x, y, startX, startY) = (0.0, 0.0, 0.0, 0.0);
        var (controlX, controlY) = (0.0, 0.0);
        var previous = ' ';
        var commands = 0;
        char? command = null;
        while (reader.SkipSeparators())
        {
            if (reader.TryCommand(out var letter))
            {
                command = letter;
            }
            else if (char.IsAsciiLetter(letter) && letter is not ('e' or 'E'))
            {
                error = $"has '{letter}' at character {reader.Position + 1}, which is not a path command (M, L, H, V, C, S, Q, T, A or Z).";
                return null;
            }
            else if (command is null or 'Z' or 'z')
            {
                error = $"must start each segment with a command letter (M, L, H, V, C, S, Q, T, A or Z) at character {reader.Position + 1}.";
                return null;
            }

            if (++commands > MaxCommands)
            {
                error = $"has more than {MaxCommands} commands.";
                return null;
            }

            var upper = char.ToUpperInvariant(command!.Value);
            var relative = char.IsLower(command.Value);
            if (upper != 'M' && previous == ' ')
            {
                error = "must begin with a moveto (M or m).";
                return null;
            }

            var values = new double[Arity[upper]];
            for (var i = 0; i < values.Length; i++)
            {
                var isFlag = upper == 'A' && i is 3 or 4;
                if (!(isFlag ? reader.TryFlag(out values[i]) : reader.TryNumber(out values[i])))
                {
                    error = $"has a '{command}' command without its {values.Length} {(values.Length == 1 ? "number" : "numbers")} at character {reader.Position + 1}.";
                    return null;
                }

                if (Math.Abs(values[i]) > MaxCoordinate)
                {
                    error = $"has a number beyond ±{MaxCoordinate} at character {reader.Position}.";
                    return null;
                }
            }

            double Ax(double v) => relative ? x + v : v;
            double Ay(double v) => relative ? y + v : v;
            var (nextControlX, nextControlY) = (double.NaN, double.NaN);
            switch (upper)
            {
                case 'M':
                    (x, y) = (Ax(values[0]), Ay(values[1]));
                    (startX, startY) = (x, y);
                    Append(output, 'M', x, y);
                    command = relative ? 'l' : 'L';
                    break;
                case 'L' or 'H' or 'V' or 'T':
                    var (lx, ly) = upper switch
                    {
                        'H' => (relative ? x + values[0] : values[0], y),
                        'V' => (x, relative ? y + values[0] : values[0]),
                        _ => (Ax(values[0]), Ay(values[1])),
                    };
                    if (upper == 'T')
                    {
                        var (qx, qy) = previous is 'Q' or 'T' ? (2 * x - controlX, 2 * y - controlY) : (x, y);
                        Append(output, 'Q', qx, qy, lx, ly);
                        (nextControlX, nextControlY) = (qx, qy);
                    }
                    else
                    {
                        Append(output, 'L', lx, ly);
                    }

                    (x, y) = (lx, ly);
                    break;
                case 'C' or 'S':
                    var (c1x, c1y) = upper == 'C' ? (Ax(values[0]), Ay(values[1]))
                        : previous is 'C' or 'S' ? (2 * x - controlX, 2 * y - controlY) : (x, y);
                    var rest = upper == 'C' ? 2 : 0;
                    var (c2x, c2y, ex, ey) = (Ax(values[rest]), Ay(values[rest + 1]), Ax(values[rest + 2]), Ay(values[rest + 3]));
                    Append(output, 'C', c1x, c1y, c2x, c2y, ex, ey);
                    (nextControlX, nextControlY, x, y) = (c2x, c2y, ex, ey);
                    break;
                case 'Q':
                    var (qcx, qcy, qex, qey) = (Ax(values[0]), Ay(values[1]), Ax(values[2]), Ay(values[3]));
                    Append(output, 'Q', qcx, qcy, qex, qey);
                    (nextControlX, nextControlY, x, y) = (qcx, qcy, qex, qey);
                    break;
                case 'A':
                    if (values[0] < 0 || values[1] < 0)
                    {
                        error = "has an arc with a negative radius.";
                        return null;
                    }

                    var (ax, ay) = (Ax(values[5]), Ay(values[6]));
                    Append(output, 'A', values[0], values[1], values[2], values[3], values[4], ax, ay);
                    (x, y) = (ax, ay);
                    break;
                default:
                    output.Append("Z ");
                    (x, y) = (startX, startY);
                    break;
            }

            (controlX, controlY) = (nextControlX, nextControlY);
            previous = upper;
        }

        if (commands == 0)
        {
            error = "is empty.";
            return null;
        }

        error = null;
        return output.ToString().TrimEnd();
    }

    /// <summary>A closed polygon through <c>"x,y x,y …"</c> (at least 3 points), as canonical path data.</summary>
    public static string? FromPoints(string points, out string? error)
    {
        var reader = new Tokens(points);
        var output = new StringBuilder();
        var count = 0;
        while (reader.SkipSeparators())
        {
            if (!reader.TryNumber(out var x) || !reader.TryNumber(out var y))
            {
                error = $"must be pairs of numbers \"x,y x,y …\"; character {reader.Position + 1} is not.";
                return null;
            }

            if (Math.Abs(x) > MaxCoordinate || Math.Abs(y) > MaxCoordinate)
            {
                error = $"has a number beyond ±{MaxCoordinate}.";
                return null;
            }

            if (++count > MaxCommands)
            {
                error = $"has more than {MaxCommands} points.";
                return null;
            }

            Append(output, count == 1 ? 'M' : 'L', x, y);
        }

        if (count < 3)
        {
            error = "needs at least 3 points.";
            return null;
        }

        error = null;
        return output.Append('Z').ToString();
    }

    private static void Append(StringBuilder output, char command, params double[] values)
    {
        output.Append(command);
        foreach (var value in values)
        {
            output.Append(' ').Append(value.ToString("0.####", CultureInfo.InvariantCulture));
        }

        output.Append(' ');
    }

    /// <summary>Numbers, flags and command letters of path data, separated by white space and at most one comma.</summary>
    private sealed class Tokens(string text)
    {
        public int Position { get; private set; }

        /// <summary>Skips white space and commas; false at the end.</summary>
        public bool SkipSeparators()
        {
            while (Position < text.Length && (char.IsWhiteSpace(text[Position]) || text[Position] == ','))
            {
                Position++;
            }

            return Position < text.Length;
        }

        public bool TryCommand(out char command)
        {
            command = text[Position];
            if (!Arity.ContainsKey(char.ToUpperInvariant(command)))
            {
                return false;
            }

            Position++;
            return true;
        }

        public bool TryFlag(out double value)
        {
            SkipSeparators();
            value = 0;
            if (Position >= text.Length || text[Position] is not ('0' or '1'))
            {
                return false;
            }

            value = text[Position++] - '0';
            return true;
        }

        public bool TryNumber(out double value)
        {
            SkipSeparators();
            var start = Position;
            if (Position < text.Length && text[Position] is '+' or '-')
            {
                Position++;
            }

            var (digits, dot) = (0, false);
            while (Position < text.Length && (char.IsAsciiDigit(text[Position]) || (text[Position] == '.' && !dot)))
            {
                dot |= text[Position] == '.';
                digits += text[Position] == '.' ? 0 : 1;
                Position++;
            }

            if (digits > 0 && Position < text.Length && text[Position] is 'e' or 'E')
            {
                var mark = Position++;
                if (Position < text.Length && text[Position] is '+' or '-')
                {
                    Position++;
                }

                var exponentDigits = 0;
                while (Position < text.Length && char.IsAsciiDigit(text[Position]))
                {
                    Position++;
                    exponentDigits++;
                }

                if (exponentDigits == 0)
                {
                    Position = mark;
                }
            }

            value = 0;
            if (digits == 0 || !double.TryParse(text.AsSpan(start, Position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            {
                Position = start;
                return false;
            }

            return true;
        }
    }
}
