using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>A project (key = its uid) and the movies stored in it.</summary>
[Alias("render.v1.IProjectGrain")]
public interface IProjectGrain : IGrainWithStringKey
{
    [Alias("create")]
    Task<ProjectInfo> CreateAsync(string name);

    /// <summary>The project, or null when it does not exist.</summary>
    [Alias("get")]
    Task<ProjectInfo?> GetAsync();

    [Alias("delete")]
    Task<bool> DeleteAsync();

    /// <summary>Validates and stores a movie; returns the problems instead when it does not validate.</summary>
    [Alias("put-movie")]
    Task<IReadOnlyList<MovieProblem>> PutMovieAsync(string name, string json);

    [Alias("get-movie")]
    Task<string?> GetMovieAsync(string name);

    [Alias("delete-movie")]
    Task<bool> DeleteMovieAsync(string name);

    [Alias("list-movies")]
    Task<IReadOnlyList<string>> ListMoviesAsync();

    /// <summary>The movie's variables, or null when there is no such movie.</summary>
    [Alias("movie-variables")]
    Task<IReadOnlyList<MovieVariableInfo>?> GetMovieVariablesAsync(string name);
}
