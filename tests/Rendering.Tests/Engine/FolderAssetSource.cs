using Orleans.Render.Rendering.Media;
using SkiaSharp;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Project assets as files in <c>{root}/{project}/{name}</c>: the engine's side of the contract without a silo (the
/// silo's media-store source is tested end to end in Api.Tests). Font families are read from the files.
/// </summary>
public sealed class FolderAssetSource(string root) : IAssetSource, IProjectFontCatalog
{
    public void Add(string project, string name, byte[] content)
    {
        Directory.CreateDirectory(Path.Combine(root, project));
        File.WriteAllBytes(Path.Combine(root, project, name), content);
    }

    public async Task<string> GetLocalFileAsync(string project, string name, string workDirectory, CancellationToken cancellationToken)
    {
        var source = Path.Combine(root, project, name);
        if (!Names.IsValidAssetName(name) || !File.Exists(source))
        {
            throw new RenderInputException("asset_missing", $"The project has no asset '{name}'.");
        }

        var copy = Path.Combine(workDirectory, $"asset-{Guid.NewGuid():N}");
        await using (var from = File.OpenRead(source))
        await using (var to = File.Create(copy))
        {
            await from.CopyToAsync(to, cancellationToken);
        }

        return copy;
    }

    public Task<string?> FindFontAssetAsync(string project, string font, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, project);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult<string?>(null);
        }

        foreach (var file in Directory.GetFiles(folder, "*.ttf"))
        {
            using var typeface = SKTypeface.FromFile(file);
            if (Path.GetFileName(file) == font || string.Equals(typeface?.FamilyName, font, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult<string?>(Path.GetFileName(file));
            }
        }

        return Task.FromResult<string?>(null);
    }
}
