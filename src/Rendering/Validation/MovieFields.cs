using System.Globalization;
using System.Text.Json;
using Orleans.Render.Rendering.Binding;

namespace Orleans.Render.Rendering.Validation;

/// <summary>
/// A media <c>url</c> field, with the asset kind its place calls for (null when any kind will do; a video's sound may
/// serve where audio is called for).
/// </summary>
internal sealed record MediaField(string Path, VariableTemplate Template, string? ExpectedKind);

/// <summary>
/// The fields of a parsed movie document that validation looks at, found by walking the JSON itself so every field, also
/// ones added later, is covered: variable references with their paths, variable names used bare (<c>condition</c>,
/// <c>variable</c>), media URLs and fonts.
/// </summary>
internal sealed class MovieFields
{
    public List<(string Path, VariableReference Reference)> Variables { get; } = [];

    public List<string> Names { get; } = [];

    public List<MediaField> Urls { get; } = [];

    public List<(string Path, VariableTemplate Template)> Fonts { get; } = [];

    public void Walk(JsonElement element, string path, JsonElement? parent, string? property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    Walk(member.Value, $"{path}.{member.Name}", element, member.Name);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), parent, property);
                }

                break;
            case JsonValueKind.String:
                String(element.GetString()!, path, parent, property);
                break;
        }
    }

    private void String(string value, string path, JsonElement? parent, string? property)
    {
        if (property is "condition" or "variable")
        {
            Names.Add(value.TrimStart('!'));
            return;
        }

        if (!VariableTemplate.TryParse(value, out var template, out _))
        {
            return;
        }

        Variables.AddRange(template.Variables.Select(v => (path, v)));
        if (property == "url")
        {
            Urls.Add(new MediaField(path, template, ExpectedKind(parent, path)));
        }
        else if (property == "font")
        {
            Fonts.Add((path, template));
        }
    }

    /// <summary>A layer's <c>type</c> names the kind (image, video, audio), a filter's the LUT; the movie-wide <c>audio</c> track is audio.</summary>
    private static string? ExpectedKind(JsonElement? owner, string path)
    {
        if (owner is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            return type.GetString()!.ToLowerInvariant() switch
            {
                "image" => "image",
                "video" => "video",
                "audio" => "audio",
                "lut" => "lut",
                _ => null,
            };
        }

        return path == "$.audio.url" ? "audio" : null;
    }
}
