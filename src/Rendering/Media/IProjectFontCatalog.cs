namespace Orleans.Render.Rendering.Media;

/// <summary>
/// Finds the project font asset a text layer's <c>font</c> names, by asset name or by the family recorded when the font
/// was uploaded. Implemented by the silo next to <see cref="IAssetSource"/>.
/// </summary>
public interface IProjectFontCatalog
{
    /// <summary>The asset name of the project's font called <paramref name="font"/> (asset name or family), or null.</summary>
    Task<string?> FindFontAssetAsync(string project, string font, CancellationToken cancellationToken);
}
