using Microsoft.Extensions.Options;
using Orleans.Render.Grains.State;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Assets;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Validation;
using Orleans.Render.Storage;
using Orleans.Render.Conventions;

namespace Orleans.Render.Grains;

[GrainType("project")]
public sealed class ProjectGrain(
    [PersistentState("project", GrainStorage.Name)] IPersistentState<ProjectState> state,
    IMediaStore media,
    AssetInspector inspector,
    MovieValidator validator,
    IOptions<RenderEngineOptions> engineOptions) : Grain, IProjectGrain
{
    private bool Exists => state.State.Name is not null;

    private string Uid => this.GetPrimaryKeyString();

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

        await GrainFactory.GetGrain<IProjectCatalogGrain>(IProjectCatalogGrain.Key).RemoveAsync(Uid);
        await state.ClearStateAsync();
        state.State = new ProjectState();
        await media.DeletePrefixAsync(MediaKeys.AssetPrefix(Uid), CancellationToken.None);
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

    public async Task<IReadOnlyList<MovieProblem>> PutMovieXmlAsync(string name, string xml)
    {
        var translated = XmlMovieTranslator.Translate(xml);
        return translated.Errors.Count > 0
            ? [.. translated.Errors.Select(e => new MovieProblem(e.Path, e.Message))]
            : await PutMovieAsync(name, translated.Json!);
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
            [.. MovieVariables.Of(movie).Select(v => new MovieVariableInfo(v.Name, v.DefaultValue, v.Type, v.Offset, v.NumFrames))]);
    }

    public async Task<AssetUploadResult> PutAssetAsync(string name, string stagingKey, string? contentType)
    {
        if (!Exists || !Names.IsValidAssetName(name))
        {
            return new AssetUploadResult(null, "invalid_name", $"'{name}' is not an asset name of an existing project.");
        }

        var directory = Path.Combine(engineOptions.Value.WorkDirectory, $"asset-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var local = Path.Combine(directory, "upload" + Path.GetExtension(name).ToLowerInvariant());
            await media.DownloadToFileAsync(stagingKey, local, CancellationToken.None);
            InspectedAsset inspected;
            try
            {
                inspected = await inspector.InspectAsync(local, name, contentType, CancellationToken.None);
            }
            catch (RenderInputException ex)
            {
                return new AssetUploadResult(null, ex.Code, ex.Message);
            }

            string sha256;
            await using (var file = File.OpenRead(local))
            {
                sha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file));
            }

            await media.PutFileAsync(MediaKeys.Asset(Uid, name), local, CancellationToken.None);
            var asset = new AssetInfo(
                name, inspected.Kind, inspected.ContentType, new FileInfo(local).Length, sha256, DateTimeOffset.UtcNow,
                inspected.Width, inspected.Height, inspected.DurationSeconds, inspected.FontFamily);
            state.State.Assets[name] = asset;
            await state.WriteStateAsync();
            return new AssetUploadResult(asset);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public Task<AssetInfo?> GetAssetAsync(string name) =>
        Task.FromResult(state.State.Assets.TryGetValue(name, out var asset) ? asset : null);

    public Task<IReadOnlyList<AssetInfo>> ListAssetsAsync() =>
        Task.FromResult<IReadOnlyList<AssetInfo>>([.. state.State.Assets.Values.OrderBy(a => a.Name, StringComparer.Ordinal)]);

    public async Task<bool> DeleteAssetAsync(string name)
    {
        if (!state.State.Assets.Remove(name))
        {
            return false;
        }

        // Facts first: a render that starts now no longer finds the asset, rather than finding facts without bytes.
        await state.WriteStateAsync();
        await media.DeleteAsync(MediaKeys.Asset(Uid, name), CancellationToken.None);
        return true;
    }

    public async Task<MovieValidationResult?> ValidateMovieAsync(string name, IReadOnlyDictionary<string, string> parameters)
    {
        if (!state.State.Movies.TryGetValue(name, out var json))
        {
            return null;
        }

        var directory = Path.Combine(engineOptions.Value.WorkDirectory, $"validate-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var assets = state.State.Assets.Values.ToDictionary(a => a.Name, a => a.Kind, StringComparer.Ordinal);
            var result = await validator.ValidateAsync(Uid, json, parameters, assets, directory, CancellationToken.None);
            return new MovieValidationResult(
                [.. result.Errors.Select(p => new MovieProblem(p.Path, p.Message))],
                [.. result.Warnings.Select(p => new MovieProblem(p.Path, p.Message))]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private ProjectInfo Info() => new(Uid, state.State.Name!, state.State.CreatedAt);
}
