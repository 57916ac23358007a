using System.Text.Json;
using Orleans.Render.Api.Http;

namespace Orleans.Render.Api.Access;

/// <summary>The small bodies of the access calls: a JSON object, or nothing at all.</summary>
internal static class OptionalJsonBody
{
    public static async Task<(JsonElement? Body, IResult? Error)> ReadAsync(HttpRequest request)
    {
        var (bytes, error) = await JsonBody.ReadBytesAsync(request, request.HttpContext.RequestAborted);
        if (error is not null || bytes.IsEmpty)
        {
            return (null, error);
        }

        var (document, jsonError) = JsonBody.Parse(bytes);
        if (document is null)
        {
            return (null, jsonError);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, ApiErrors.BadRequest("invalid_request", "The body must be a JSON object."));
        }
    }

    /// <summary>An optional string field: its value, null when absent, or a 400 naming it.</summary>
    public static (string? Value, IResult? Error) String(JsonElement? body, string name, int maxLength)
    {
        if (body is not { } root || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        return value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= maxLength
            ? (value.GetString(), null)
            : (null, ApiErrors.BadRequest($"invalid_{name}", $"'{name}' must be a string of at most {maxLength} characters."));
    }
}
