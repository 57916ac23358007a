using Orleans.Render.Models;

namespace Orleans.Render.Grains.State;

[GenerateSerializer, Alias("render.v1.ProjectCatalogState")]
public sealed class ProjectCatalogState
{
    [Id(0)] public Dictionary<string, ProjectInfo> Projects { get; set; } = new(StringComparer.Ordinal);
}
