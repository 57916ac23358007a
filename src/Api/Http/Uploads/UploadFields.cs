using System.Text.Json;
using Orleans.Render.Conventions.Addresses;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>Typed reads of one JSON object's fields, each failure naming the field's path.</summary>
internal sealed class UploadFields(JsonElement value, string where, OutboundUrlPolicy addresses)
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
        if (text.Length > MaxText)
        {
            throw Invalid(name, $"may be at most {MaxText} characters");
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? throw Invalid(name, "may not contain control characters") : text;
    }

    /// <summary>A field that becomes an HTTP header value: a single line.</summary>
    public string? HeaderValue(string name)
    {
        var text = Text(name);
        return text is not null && text.Any(char.IsControl) ? throw Invalid(name, "may not contain line breaks or control characters") : text;
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

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0 || uri.UserInfo.Length > 0)
        {
            throw Invalid(name, "must be an absolute http or https URL without credentials");
        }

        Check(name, text);
        return text;
    }

    /// <summary>Throws <c>url_refused</c> naming the field when the address policy refuses <paramref name="url"/>.</summary>
    public void Check(string name, string url)
    {
        if (addresses.Refusal(url) is { } refusal)
        {
            throw new InvalidUploadException($"'{where}.{name}' {refusal}.", InvalidUploadException.UrlRefused);
        }
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

            if (entry.Value.GetString()!.Any(char.IsControl))
            {
                throw Invalid(name, "values may not contain line breaks or control characters");
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

    /// <summary>The fields of <paramref name="name"/>, an object inside this one.</summary>
    public UploadFields Nested(JsonElement nested, string name) => new(nested, $"{where}.{name}", addresses);

    /// <summary>A caller's name or key quoted in a message, cut to 40 characters.</summary>
    public static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
