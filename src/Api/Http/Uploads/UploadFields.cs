using System.Text.Json;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>Typed reads of one JSON object's fields, each failure naming the field's path.</summary>
internal sealed class UploadFields(JsonElement value, string where)
{
    private const int MaxText = 4096;

    public bool Has(string name) => value.TryGetProperty(name, out var field) && field.ValueKind != JsonValueKind.Null;

    public string? Text(string name)
    {
        if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (field.ValueKind != JsonValueKind.String)
        {
            throw Invalid(name, "must be a string");
        }

        var text = field.GetString()!;
        return text.Length > MaxText ? throw Invalid(name, $"may be at most {MaxText} characters") : text;
    }

    public string Required(string name) => Text(name) is { Length: > 0 } text ? text : throw Invalid(name, "is required");

    public string? NumberOrText(string name) =>
        value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.Number ? field.GetRawText() : Text(name);

    public bool Flag(string name, bool fallback)
    {
        if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return field.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(name, "must be true or false"),
        };
    }

    public string? Url(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo)
            ? text
            : throw Invalid(name, "must be an absolute http or https URL without credentials");
    }

    public IReadOnlyDictionary<string, string> StringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (field.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(name, "must be an object of strings");
        }

        foreach (var entry in field.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString()!.Length > MaxText || map.Count >= 50)
            {
                throw Invalid(name, "must be an object of at most 50 strings");
            }

            map[entry.Name] = entry.Value.GetString()!;
        }

        return map;
    }

    public IReadOnlyList<string> StringList(string name)
    {
        if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (field.ValueKind != JsonValueKind.Array || field.GetArrayLength() > 100 || field.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Invalid(name, "must be a list of at most 100 strings");
        }

        return [.. field.EnumerateArray().Select(e => e.GetString()!)];
    }

    public InvalidUploadException Invalid(string name, string problem) => new($"'{where}.{name}' {problem}.");

    /// <summary>A caller's name or key quoted in a message, cut to 40 characters.</summary>
    public static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
