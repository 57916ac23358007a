using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Storage;
using Orleans.Render.Conventions;

namespace Orleans.Render.Grains;

/// <summary>
/// The engine's view of project assets on a silo: bytes from the media store (<c>assets/{project}/{name}</c>), font
/// families from the facts the project recorded at upload.
/// </summary>
public sealed class ProjectAssetSource(IMediaStore media, IGrainFactory grains) : IAssetSource, IProjectFontCatalog
{
    public async Task<string> GetLocalFileAsync(string project, string name, string workDirectory, CancellationToken cancellationToken)
    {
        if (!Names.IsValidAssetName(name))
        {
            throw Missing(name);
        }

        var path = Path.Combine(workDirectory, $"asset-{Guid.NewGuid():N}{Path.GetExtension(name).ToLowerInvariant()}");
        try
        {
            await media.DownloadToFileAsync(MediaKeys.Asset(project, name), path, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            File.Delete(path);
            throw Missing(name);
        }

        return path;
    }

    public async Task<string?> FindFontAssetAsync(string project, string font, CancellationToken cancellationToken)
    {
        var fonts = (await grains.GetGrain<IProjectGrain>(project).ListAssetsAsync()).Where(a => a.Kind == "font").ToList();
        return (fonts.FirstOrDefault(a => a.Name.Equals(font, StringComparison.Ordinal))
            ?? fonts.FirstOrDefault(a => string.Equals(a.FontFamily, font, StringComparison.OrdinalIgnoreCase)))?.Name;
    }

    private static RenderInputException Missing(string name) =>
        new("asset_missing", $"The project has no asset '{(name.Length <= 100 ? name : name[..100] + "…")}'; upload it with PUT /v1/data/{{project}}/{{name}}.");
}
