using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Reads one element's attributes into JSON fields, remembering which attribute each field came from. Attribute names
/// match case-insensitively; values are numbers, frame counts or seconds, booleans, <c>"x, y"</c> pairs or anchors, and
/// a <c>${…}</c> variable passes through wherever a value may be one.
/// </summary>
internal sealed class ElementReader(TranslationContext context, XElement element, string jsonPath, string xmlPath)
{
    private static readonly Dictionary<(int X, int Y), string> AnchorNames = new()
    {
        [(-1, -1)] = "top-left", [(0, -1)] = "top", [(1, -1)] = "top-right",
        [(-1, 0)] = "left", [(0, 0)] = "center", [(1, 0)] = "right",
        [(-1, 1)] = "bottom-left", [(0, 1)] = "bottom", [(1, 1)] = "bottom-right",
    };

    private readonly HashSet<string> taken = new(StringComparer.Ordinal);

    private List<(string Key, JsonNode? Value)> Fields { get; } = [];

    public string? Take(string attribute)
    {
        var found = element.Attributes().FirstOrDefault(a => a.Name.Namespace == XNamespace.None
            && a.Name.LocalName.Equals(attribute, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            return null;
        }

        taken.Add(found.Name.LocalName);
        return found.Value;
    }

    public void Set(string field, JsonNode? value, string? attribute)
    {
        var existing = Fields.FindIndex(f => f.Key == field);
        if (existing >= 0)
        {
            Error(attribute ?? field, $"sets '{field}' a second time (another attribute already did).");
            return;
        }

        Fields.Add((field, value));
        if (attribute is not null)
        {
            context.Origin($"{jsonPath}.{field}", $"{xmlPath}/@{attribute}");
        }
    }

    public void Error(string attribute, string message) =>
        context.Error($"{xmlPath}/@{attribute}", message);

    public void String(string attribute, string field)
    {
        if (Take(attribute) is { } value)
        {
            Set(field, value, attribute);
        }
    }

    public void Int(string attribute, string field)
    {
        if (Take(attribute) is { } value)
        {
            Set(field, IntValue(attribute, value), attribute);
        }
    }

    public void Number(string attribute, string field)
    {
        if (Take(attribute) is { } value)
        {
            Number(attribute, field, value);
        }
    }

    public void Number(string attribute, string field, string value) => Set(field, NumberValue(attribute, value), attribute);

    public void Bool(string attribute, string field)
    {
        if (Take(attribute) is { } value)
        {
            BoolValue(attribute, value, field, invert: false);
        }
    }

    public void BoolValue(string attribute, string value, string field, bool invert)
    {
        var text = value.Trim().ToLowerInvariant();
        JsonNode? node = text switch
        {
            "true" or "1" or "yes" => JsonValue.Create(!invert),
            "false" or "0" or "no" => JsonValue.Create(invert),
            _ when value.Contains("${", StringComparison.Ordinal) => JsonValue.Create(value),
            _ => null,
        };
        if (node is null)
        {
            Error(attribute, $"must be true or false, not '{value}'.");
            return;
        }

        Set(field, node, attribute);
    }

    /// <summary>A time: a frame count ("75"), seconds ("0.3s") or seconds with variables ("${t, 2}s").</summary>
    public void Time(string attribute, string field)
    {
        if (Take(attribute) is not { } value)
        {
            return;
        }

        var text = value.Trim();
        if (text.EndsWith('s'))
        {
            Set(field, NumberValue(attribute, text[..^1]), attribute);
        }
        else if (text.Contains("${", StringComparison.Ordinal))
        {
            Error(attribute, $"'{value}' is a variable frame count; write variable times in seconds with an 's' (\"${{t, 2}}s\").");
        }
        else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var frames))
        {
            Set(field, context.Seconds(frames), attribute);
        }
        else
        {
            Error(attribute, $"must be a frame count (\"75\") or seconds (\"0.3s\"); '{value}' is neither.");
        }
    }

    /// <summary>"x, y" into two fields; each part a number or a variable.</summary>
    public void Pair(string attribute, string value, string first, string second)
    {
        var parts = SplitPair(value);
        if (parts.Length != 2)
        {
            Error(attribute, $"must be two numbers \"x, y\", not '{value}'.");
            return;
        }

        Set(first, IntValue(attribute, parts[0]), attribute);
        Set(second, IntValue(attribute, parts[1]), attribute);
    }

    /// <summary>"s" or "sx, sy": the same number twice is the uniform <c>scale</c>, two different ones <c>scaleX</c> and <c>scaleY</c>.</summary>
    public void Scale(string value)
    {
        var parts = SplitPair(value);
        if (parts.Length > 2)
        {
            Error("scale", $"must be \"s\" or \"sx, sy\", not '{value}'.");
            return;
        }

        if (parts.Length == 1 || parts[0] == parts[1]
            || (double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var sx)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var sy) && sx == sy))
        {
            Set("scale", NumberValue("scale", parts[0]), "scale");
            return;
        }

        Set("scaleX", NumberValue("scale", parts[0]), "scale");
        Set("scaleY", NumberValue("scale", parts[1]), "scale");
    }

    /// <summary>Splits on the commas that are not inside a <c>${…}</c> variable, trimming each part.</summary>
    private static string[] SplitPair(string value)
    {
        var parts = new List<string>();
        var (depth, start) = (0, 0);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                depth++;
            }
            else if (value[i] == '}' && depth > 0)
            {
                depth--;
            }
            else if (value[i] == ',' && depth == 0)
            {
                parts.Add(value[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(value[start..].Trim());
        return [.. parts];
    }

    /// <summary>A named anchor (top-left … bottom-right), or impossible.io's "dx, dy" offset from the centre when it is the centre, an edge or a corner of the box.</summary>
    public void Anchor()
    {
        if (Take("anchor") is not { } value)
        {
            return;
        }

        var parts = SplitPair(value);
        if (parts.Length == 1)
        {
            Set("anchor", value.Trim(), "anchor");
            return;
        }

        var width = element.Attribute("width")?.Value;
        var height = element.Attribute("height")?.Value;
        if (parts.Length == 2
            && Side(parts[0], width) is { } x && Side(parts[1], height) is { } y
            && AnchorNames.TryGetValue((x, y), out var name))
        {
            Set("anchor", name, "anchor");
            return;
        }

        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var dx)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var dy))
        {
            Set("anchor", new JsonObject { ["x"] = dx, ["y"] = dy }, "anchor");
            return;
        }

        Error("anchor", $"'{value}' is not a name (\"top-left\" …) or an offset from the centre in pixels (\"-20, 10\").");
    }

    private static int? Side(string offset, string? size)
    {
        if (!double.TryParse(offset, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (value == 0)
        {
            return 0;
        }

        return double.TryParse(size, NumberStyles.Float, CultureInfo.InvariantCulture, out var length) && Math.Abs(value) == length / 2
            ? Math.Sign(value)
            : null;
    }

    public void RejectOtherAttributes()
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && !taken.Contains(a.Name.LocalName)))
        {
            context.Error($"{xmlPath}/@{attribute.Name.LocalName}", $"is not supported on <{element.Name.LocalName}>{TranslationContext.Line(element)}.");
        }
    }

    public JsonObject ToObject()
    {
        var json = new JsonObject();
        foreach (var (key, value) in Fields)
        {
            json[key] = value;
        }

        return json;
    }

    private JsonValue? IntValue(string attribute, string value)
    {
        if (value.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(value);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Round(number)
            && Math.Abs(number) < int.MaxValue)
        {
            return JsonValue.Create((int)number);
        }

        Error(attribute, $"must be a whole number, not '{value}'.");
        return null;
    }

    private JsonValue? NumberValue(string attribute, string value)
    {
        if (value.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(value.Trim());
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number == Math.Round(number) && Math.Abs(number) < int.MaxValue ? JsonValue.Create((int)number) : JsonValue.Create(number);
        }

        Error(attribute, $"must be a number, not '{value}'.");
        return null;
    }
}
