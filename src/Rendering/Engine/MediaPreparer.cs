using System.Security.Cryptography;
using System.Text;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Shapes;
using Orleans.Render.Rendering.Text;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// The prepare stage: every text, shape and image layer visible in a frame range becomes one PNG of exactly the layer's size,
/// made once per render (identical layers share a file), so ffmpeg decodes each once and never sees remote or raw input.
/// Media come from remote URLs or the project's assets (<see cref="MediaResolver"/>); a text font that is not installed
/// may be a project font asset.
/// </summary>
public sealed class MediaPreparer(
    TextRasterizer textRasterizer, CpuWork cpu, MediaResolver media, IProjectFontCatalog fonts, IAssetSource assets, RemoteMediaOptions mediaOptions)
{
    public async Task<IReadOnlyDictionary<TimelineLayer, string>> PrepareAsync(
        Timeline timeline, string project, FrameRange range, string workDirectory, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, Task<string>>(StringComparer.Ordinal);
        var prepared = new Dictionary<TimelineLayer, Task<string>>();
        var layers = SceneWindow.Covering(timeline, range).SelectMany(w => w.ShownLayers());
        foreach (var layer in layers)
        {
            var (scale, width, height) = PreparedSize(layer);
            Func<Task<byte[]>>? make = layer.Content switch
            {
                TextContent text => async () =>
                {
                    var block = await WithProjectFontAsync(text.Block.Scaled(scale, width, height), project, workDirectory, cancellationToken);
                    return await cpu.RunAsync(() => textRasterizer.RenderPng(block), cancellationToken);
                },
                ShapeContent shape => () => cpu.RunAsync(() => ShapeRasterizer.RenderPng(shape.Scaled(scale), width, height), cancellationToken),
                ImageContent image => async () =>
                {
                    var bytes = await media.GetBytesAsync(image.Source, project, workDirectory, cancellationToken);
                    return await cpu.RunAsync(() => ImageNormalizer.ToPng(bytes, layer.Width, layer.Height, image.Fit, mediaOptions.MaxPixels), cancellationToken);
                },
                _ => null,
            };
            if (make is null)
            {
                continue;
            }

            var key = ContentKey(layer);
            if (!files.TryGetValue(key, out var file))
            {
                file = WriteAsync(Path.Combine(workDirectory, key + ".png"), make, cancellationToken);
                files[key] = file;
            }

            prepared[layer] = file;
        }

        await Task.WhenAll(files.Values);
        return prepared.ToDictionary(p => p.Key, p => p.Value.Result);
    }

    /// <summary>
    /// The block with <see cref="TextBlock.FontFile"/> set when its font is not installed but the project has a font asset of
    /// that name or family; otherwise unchanged (an unknown font falls back to DejaVu Sans, as in v1).
    /// </summary>
    public async Task<TextBlock> WithProjectFontAsync(TextBlock block, string project, string workDirectory, CancellationToken cancellationToken)
    {
        if (block.FontFile is not null || textRasterizer.IsInstalled(block.FontFamily))
        {
            return block;
        }

        var asset = await fonts.FindFontAssetAsync(project, block.FontFamily, cancellationToken);
        return asset is null
            ? block
            : block with { FontFile = await assets.GetLocalFileAsync(project, asset, workDirectory, cancellationToken) };
    }

    private static async Task<string> WriteAsync(string path, Func<Task<byte[]>> make, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await File.WriteAllBytesAsync(path, await make(), cancellationToken);
        return path;
    }

    /// <summary>Text and shapes with a static scale are drawn at that scale (sharp); see <see cref="LayerTransformFilters.PreparedScale"/>.</summary>
    private static (float Scale, int Width, int Height) PreparedSize(TimelineLayer layer)
    {
        var scale = LayerTransformFilters.PreparedScale(layer);
        return ((float)scale, LayerTransformFilters.ScaledSize(layer.Width, scale), LayerTransformFilters.ScaledSize(layer.Height, scale));
    }

    private static string ContentKey(TimelineLayer layer)
    {
        var (scale, width, height) = PreparedSize(layer);
        var identity = layer.Content switch
        {
            TextContent text => $"text|{text.Block}|{scale}|{width}x{height}",
            ShapeContent shape => $"shape|{shape}|{scale}|{width}x{height}",
            ImageContent image => $"image|{image.Source}|{image.Fit}|{layer.Width}x{layer.Height}",
            _ => throw new InvalidOperationException(),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
