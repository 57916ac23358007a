using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>The list of projects (one grain, key <see cref="Key"/>), kept by <see cref="IProjectGrain"/>.</summary>
[Alias("render.v1.IProjectCatalogGrain")]
public interface IProjectCatalogGrain : IGrainWithStringKey
{
    const string Key = "projects";

    [Alias("add")]
    Task AddAsync(ProjectInfo project);

    [Alias("remove")]
    Task RemoveAsync(string uid);

    [Alias("list")]
    Task<IReadOnlyList<ProjectInfo>> ListAsync();
}
