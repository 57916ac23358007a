using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// A string field split into literal text and <c>${name}</c>, <c>${name, default}</c> or <c>${name, default, options}</c>
/// references. A default may be quoted (<c>'New York'</c>) to hold commas; options are letters: <c>U</c> upper case,
/// <c>L</c> lower case, <c>T</c> title case, <c>E</c> URL-encode (for a value put into a URL), <c>A</c> Arabic glyph
/// shaping, which leaves the value as it is: the text rasterizer shapes every script with HarfBuzz anyway.
/// </summary>
public sealed partial class VariableTemplate
{
    private const string KnownOptions = "ULTEA";

    private readonly IReadOnlyList<object> parts;

    private VariableTemplate(IReadOnlyList<object> parts) => this.parts = parts;

    public IEnumerable<VariableReference> Variables => parts.OfType<VariableReference>();

    public bool HasVariables => parts.Any(p => p is VariableReference);

    public static bool TryParse(string text, out VariableTemplate template, out string? error)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, open - i);
            var close = FindClose(text, open + 2);
            if (close < 0)
            {
                template = new VariableTemplate([]);
                error = $"'${{' at character {open} has no closing '}}'.";
                return false;
            }

            if (!TryParseReference(text[(open + 2)..close], out var reference, out error))
            {
                template = new VariableTemplate([]);
                return false;
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(reference);
            i = close + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        template = new VariableTemplate(parts);
        error = null;
        return true;
    }

    public static bool IsVariableName(string name) => NamePattern().IsMatch(name);

    public static VariableTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template : throw new FormatException(error);

    /// <summary>Substitutes params; a variable with neither a param nor a default is an input error naming it.</summary>
    public string Bind(IReadOnlyDictionary<string, string> parameters) => Bind(parameters, static value => value);

    /// <summary>Substitutes params, each value passed through <paramref name="encode"/> after its options (e.g. escaped for XML).</summary>
    public string Bind(IReadOnlyDictionary<string, string> parameters, Func<string, string> encode)
    {
        var result = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is string literal)
            {
                result.Append(literal);
                continue;
            }

            var reference = (VariableReference)part;
            var value = parameters.TryGetValue(reference.Name, out var given) ? given : reference.DefaultValue
                ?? throw new RenderInputException("missing_param", $"The movie needs the param '{reference.Name}', which has no default.");
            result.Append(encode(ApplyOptions(value, reference.Options)));
        }

        return result.ToString();
    }

    private static string ApplyOptions(string value, string options)
    {
        foreach (var option in options)
        {
            value = option switch
            {
                'U' => value.ToUpperInvariant(),
                'L' => value.ToLowerInvariant(),
                'T' => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value.ToLowerInvariant()),
                'E' => Uri.EscapeDataString(value),
                _ => value,
            };
        }

        return value;
    }

    private static int FindClose(string text, int from)
    {
        var quoted = false;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (text[i] == '}' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryParseReference(string body, out VariableReference reference, out string? error)
    {
        reference = null!;
        var fields = SplitFields(body);
        var name = fields[0].Trim();
        if (!NamePattern().IsMatch(name))
        {
            error = $"'{name}' is not a variable name (letters, digits, '_', '-' and '.', starting with a letter or '_').";
            return false;
        }

        if (fields.Count > 3)
        {
            error = $"Variable '{name}' has more than three parts (name, default, options).";
            return false;
        }

        string? defaultValue = null;
        if (fields.Count > 1)
        {
            var raw = fields[1].Trim();
            defaultValue = raw.Length >= 2 && raw[0] == '\'' && raw[^1] == '\'' ? raw[1..^1] : raw;
            if (defaultValue.Length == 0 && fields.Count > 2)
            {
                defaultValue = null;
            }
        }

        var options = fields.Count > 2 ? fields[2].Trim().ToUpperInvariant() : "";
        var unknown = options.FirstOrDefault(c => !KnownOptions.Contains(c));
        if (unknown != default)
        {
            error = $"Variable '{name}' has the unknown option '{unknown}' (known: U, L, T, E, A).";
            return false;
        }

        reference = new VariableReference(name, defaultValue, options);
        error = null;
        return true;
    }

    private static List<string> SplitFields(string body)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in body)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>Whether <paramref name="text"/> is a variable name on its own (as in a scene's <c>condition</c>).</summary>
    public static bool IsName(string text) => NamePattern().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex NamePattern();
}
