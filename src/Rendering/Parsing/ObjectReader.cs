using System.Text.Json;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads the members of one JSON object, recording every problem with its path instead of stopping at the first.</summary>
internal sealed partial class ObjectReader
{
    private readonly JsonElement element;
    private readonly string path;
    private readonly List<MovieError> errors;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public ObjectReader(JsonElement element, string path, List<MovieError> errors)
    {
        this.element = element;
        this.path = path;
        this.errors = errors;
    }

    public string Path => path;

    public void Error(string member, string message) => errors.Add(new MovieError($"{path}.{member}", message));

    public bool Has(string member) => element.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null;

    public int Int(string member, int fallback, int min, int max, bool required = false)
    {
        if (!TryGet(member, required, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Error(member, "must be a whole number.");
            return fallback;
        }

        if (number < min || number > max)
        {
            Error(member, $"must be between {min} and {max}.");
            return fallback;
        }

        return number;
    }

    /// <summary>A frame rate: a number (<c>25</c>, <c>29.97</c>) or a fraction in a string (<c>"30000/1001"</c>), from 1 to <paramref name="max"/>.</summary>
    public FrameRate FrameRate(string member, FrameRate fallback, int max)
    {
        if (!TryGet(member, false, out var value))
        {
            return fallback;
        }

        var read = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var number) => Model.FrameRate.TryFromDecimal(number, out var rate) ? rate : (FrameRate?)null,
            JsonValueKind.String => Model.FrameRate.TryParse(value.GetString(), out var rate) ? rate : null,
            _ => null,
        };
        if (read is not { } fps || fps.PerSecond < 1 || fps.PerSecond > max)
        {
            Error(member, $"must be a frame rate from 1 to {max}: a number (25, 29.97) or a fraction such as \"30000/1001\".");
            return fallback;
        }

        return fps;
    }

    public double Number(string member, double fallback, double min, double max, bool required = false)
    {
        if (!TryGet(member, required, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Error(member, "must be a number.");
            return fallback;
        }

        if (number < min || number > max)
        {
            Error(member, $"must be between {min} and {max}.");
            return fallback;
        }

        return number;
    }

    public double? OptionalNumber(string member, double min, double max) =>
        Has(member) ? Number(member, min, min, max) : MarkKnown<double?>(member, null);

    public int? OptionalInt(string member, int min, int max) =>
        Has(member) ? Int(member, min, min, max) : MarkKnown<int?>(member, null);

    /// <summary>A colour, or a template that will produce one once bound.</summary>
    public string Color(string member, string fallback, bool required = false)
    {
        var text = Template(member, fallback, required);
        if (!VariableTemplate.Parse(text).HasVariables && !RgbaColor.TryParse(text, out _))
        {
            Error(member, $"'{text}' is not a colour (#rgb, #rrggbb or #rrggbbaa).");
            return fallback;
        }

        return text;
    }

    /// <summary>One of a fixed set of words (case-insensitive), returned in lower case.</summary>
    public string Choice(string member, string fallback, params string[] allowed)
    {
        if (!TryGet(member, false, out var value))
        {
            return fallback;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.ToLowerInvariant() : null;
        if (text is null || !allowed.Contains(text))
        {
            Error(member, $"must be one of: {string.Join(", ", allowed)}.");
            return fallback;
        }

        return text;
    }

    public IEnumerable<ObjectReader> Objects(string member, int maxCount, bool required = false)
    {
        if (!TryGet(member, required, out var value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(member, "must be an array.");
            yield break;
        }

        if (value.GetArrayLength() > maxCount)
        {
            Error(member, $"may hold at most {maxCount} items.");
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}.{member}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new MovieError(itemPath, "must be an object."));
                continue;
            }

            yield return new ObjectReader(item, itemPath, errors);
        }
    }

    /// <summary>The items of an array that may mix strings and objects: each as its text or as a reader, with its path.</summary>
    public IEnumerable<(string Path, string? Text, ObjectReader? Object)> Items(string member, int maxCount, bool required = false)
    {
        if (!TryGet(member, required, out var value))
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > maxCount)
        {
            Error(member, $"must be an array of at most {maxCount} items.");
            yield break;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}.{member}[{index++}]";
            yield return item.ValueKind switch
            {
                JsonValueKind.String => (itemPath, item.GetString(), null),
                JsonValueKind.Object => (itemPath, null, new ObjectReader(item, itemPath, errors)),
                _ => (itemPath, null, null),
            };
        }
    }

    public bool Boolean(string member, bool fallback)
    {
        if (!TryGet(member, false, out var value))
        {
            return fallback;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(member, "must be true or false.");
            return fallback;
        }

        return value.GetBoolean();
    }

    /// <summary>A nested object, or null (with an error when it is present but not an object).</summary>
    public ObjectReader? Object(string member)
    {
        if (!TryGet(member, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(member, "must be an object.");
            return null;
        }

        return new ObjectReader(value, $"{path}.{member}", errors);
    }

    /// <summary>A plain string (no variables), or null when absent.</summary>
    public string? OptionalString(string member)
    {
        if (!TryGet(member, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length > MovieLimits.MaxStringLength)
        {
            Error(member, $"must be a string of at most {MovieLimits.MaxStringLength} characters.");
            return null;
        }

        return value.GetString();
    }

    public bool IsArray(string member) => element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Array;

    /// <summary>An array of exactly <paramref name="count"/> finite numbers, or null (with an error when it is anything else).</summary>
    public double[]? NumberArray(string member, int count)
    {
        if (!TryGet(member, false, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != count
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Number || !double.IsFinite(item.GetDouble())))
        {
            Error(member, $"must be an array of {count} numbers.");
            return null;
        }

        return [.. value.EnumerateArray().Select(item => item.GetDouble())];
    }

    public bool IsObject(string member) => element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Object;

    /// <summary>Whether the member is a JSON string equal to <paramref name="word"/>, as in <c>"duration": "auto"</c>.</summary>
    public bool IsWord(string member, string word) =>
        element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == word;

    /// <summary>Reports members nobody asked for, so a misspelt field is an error rather than silently ignored.</summary>
    public void RejectUnknownMembers()
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Error(property.Name, "is not a known field here.");
            }
        }
    }

    public void Allow(string member) => known.Add(member);

    private T MarkKnown<T>(string member, T value)
    {
        known.Add(member);
        return value;
    }

    private bool TryGet(string member, bool required, out JsonElement value)
    {
        known.Add(member);
        if (element.TryGetProperty(member, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Error(member, "is required.");
        }

        return false;
    }
}
