using Orleans.Concurrency;
using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>A project (key = its uid), the movies stored in it and its assets' metadata (the bytes are in the media store).</summary>
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

    /// <summary>
    /// Translates an XML template (impossible.io style) to the JSON movie format, validates and stores the JSON; returns
    /// the problems instead (at XML paths such as <c>/movie/scene[1]/text[2]/@size</c>) when it does not validate.
    /// </summary>
    [Alias("put-movie-xml")]
    Task<IReadOnlyList<MovieProblem>> PutMovieXmlAsync(string name, string xml);

    [Alias("get-movie")]
    Task<string?> GetMovieAsync(string name);

    [Alias("delete-movie")]
    Task<bool> DeleteMovieAsync(string name);

    [Alias("list-movies")]
    Task<IReadOnlyList<string>> ListMoviesAsync();

    /// <summary>The movie's variables, or null when there is no such movie.</summary>
    [Alias("movie-variables")]
    Task<IReadOnlyList<MovieVariableInfo>?> GetMovieVariablesAsync(string name);

    /// <summary>
    /// Checks the uploaded bytes waiting at <paramref name="stagingKey"/> in the media store and, when they are a usable
    /// image, font, video or audio file, stores them as asset <paramref name="name"/> (replacing an earlier one) and records
    /// their facts. The staging object is left for the caller to delete.
    /// </summary>
    [Alias("put-asset"), ResponseTimeout("00:10:00")]
    Task<AssetUploadResult> PutAssetAsync(string name, string stagingKey, string? contentType);

    [Alias("get-asset")]
    Task<AssetInfo?> GetAssetAsync(string name);

    /// <summary>Interleaves: the engine asks for the fonts while this project's own validation is running.</summary>
    [Alias("list-assets"), AlwaysInterleave]
    Task<IReadOnlyList<AssetInfo>> ListAssetsAsync();

    [Alias("delete-asset")]
    Task<bool> DeleteAssetAsync(string name);

    /// <summary>
    /// Checks a stored movie with <paramref name="parameters"/> without rendering it (variables, assets, URLs, fonts,
    /// text that will be shrunk); null when there is no such movie. Only reads state, so it interleaves rather than
    /// holding the project while URLs are checked.
    /// </summary>
    [Alias("validate-movie"), ResponseTimeout("00:02:00"), AlwaysInterleave]
    Task<MovieValidationResult?> ValidateMovieAsync(string name, IReadOnlyDictionary<string, string> parameters);
}
