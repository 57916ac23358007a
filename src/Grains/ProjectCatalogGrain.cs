using Orleans.Render.Grains.State;
using Orleans.Render.Models;

namespace Orleans.Render.Grains;

[GrainType("project-catalog")]
public sealed class ProjectCatalogGrain(
    [PersistentState("catalog", GrainStorage.Name)] IPersistentState<ProjectCatalogState> state) : Grain, IProjectCatalogGrain
{
    public async Task AddAsync(ProjectInfo project)
    {
        state.State.Projects[project.Uid] = project;
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string uid)
    {
        if (state.State.Projects.Remove(uid))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<ProjectInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ProjectInfo>>([.. state.State.Projects.Values.OrderBy(p => p.CreatedAt)]);
}
