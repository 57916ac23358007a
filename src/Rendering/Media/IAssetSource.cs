namespace Orleans.Render.Rendering.Media;

/// <summary>
/// The project's uploaded assets as the engine sees them (<c>PUT /v1/data/{project}/{name}</c>). The silo implements it
/// over the media store; the engine stays free of storage and Orleans types.
/// </summary>
public interface IAssetSource
{
    /// <summary>
    /// Copies the asset into <paramref name="workDirectory"/> and returns the local file's path; throws
    /// <see cref="RenderInputException"/> with code <c>asset_missing</c> when the project has no such asset.
    /// </summary>
    Task<string> GetLocalFileAsync(string project, string name, string workDirectory, CancellationToken cancellationToken);
}
