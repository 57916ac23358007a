using Orleans.Render.Models;

namespace Orleans.Render.Grains.State;

[GenerateSerializer, Alias("render.v1.ProjectState")]
public sealed class ProjectState
{
    [Id(0)] public string? Name { get; set; }

    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Movie documents by name, stored as the JSON that was PUT.</summary>
    [Id(2)] public Dictionary<string, string> Movies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Asset facts by name; the bytes are in the media store under <c>assets/{project}/{name}</c>.</summary>
    [Id(3)] public Dictionary<string, AssetInfo> Assets { get; set; } = new(StringComparer.Ordinal);
}
