using Orleans.Render.Grains.State;
using Orleans.Render.Models;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Parsing;

namespace Orleans.Render.Grains;

[GrainType("project")]
public sealed class ProjectGrain(
    [PersistentState("project", GrainStorage.Name)] IPersistentState<ProjectState> state) : Grain, IProjectGrain
{
    private bool Exists => state.State.Name is not null;

    public async Task<ProjectInfo> CreateAsync(string name)
    {
        if (!Exists)
        {
            state.State.Name = name;
            state.State.CreatedAt = DateTimeOffset.UtcNow;
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<IProjectCatalogGrain>(IProjectCatalogGrain.Key).AddAsync(Info());
        }

        return Info();
    }

    public Task<ProjectInfo?> GetAsync() => Task.FromResult(Exists ? Info() : null);

    public async Task<bool> DeleteAsync()
    {
        if (!Exists)
        {
            return false;
        }

        await GrainFactory.GetGrain<IProjectCatalogGrain>(IProjectCatalogGrain.Key).RemoveAsync(this.GetPrimaryKeyString());
        await state.ClearStateAsync();
        state.State = new ProjectState();
        return true;
    }

    public async Task<IReadOnlyList<MovieProblem>> PutMovieAsync(string name, string json)
    {
        var parsed = MovieParser.Parse(json);
        if (parsed.Movie is null)
        {
            return [.. parsed.Errors.Select(e => new MovieProblem(e.Path, e.Message))];
        }

        state.State.Movies[name] = json;
        await state.WriteStateAsync();
        return [];
    }

    public Task<string?> GetMovieAsync(string name) =>
        Task.FromResult(state.State.Movies.TryGetValue(name, out var json) ? json : null);

    public async Task<bool> DeleteMovieAsync(string name)
    {
        if (!state.State.Movies.Remove(name))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<string>> ListMoviesAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Movies.Keys.Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<MovieVariableInfo>?> GetMovieVariablesAsync(string name)
    {
        if (!state.State.Movies.TryGetValue(name, out var json))
        {
            return Task.FromResult<IReadOnlyList<MovieVariableInfo>?>(null);
        }

        var movie = MovieParser.Parse(json).Movie!;
        return Task.FromResult<IReadOnlyList<MovieVariableInfo>?>(
            [.. MovieBinder.Variables(movie).Select(v => new MovieVariableInfo(v.Name, v.DefaultValue, v.Type))]);
    }

    private ProjectInfo Info() => new(this.GetPrimaryKeyString(), state.State.Name!, state.State.CreatedAt);
}
