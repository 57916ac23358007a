using System.Security.Cryptography;
using System.Text;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Text;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// The prepare stage: every text and image layer visible in a frame range becomes one PNG of exactly the layer's size,
/// made once per render (identical layers share a file), so ffmpeg decodes each once and never sees remote or raw input.
/// </summary>
public sealed class MediaPreparer(TextRasterizer textRasterizer, RemoteMediaFetcher fetcher, RemoteMediaOptions mediaOptions)
{
    public async Task<IReadOnlyDictionary<TimelineLayer, string>> PrepareAsync(
        Timeline timeline, FrameRange range, string workDirectory, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, Task<string>>(StringComparer.Ordinal);
        var prepared = new Dictionary<TimelineLayer, Task<string>>();
        var layers = SceneWindow.Covering(timeline, range)
            .SelectMany(w => w.Scene.Layers.Where(l => w.Overlaps(l.StartFrame, l.EndFrame)));
        foreach (var layer in layers)
        {
            Func<Task<byte[]>>? make = layer.Content switch
            {
                TextContent text => () => Task.FromResult(textRasterizer.RenderPng(text.Block)),
                ImageContent image => async () =>
                    ImageNormalizer.ToPng(await fetcher.FetchAsync(image.Url.AbsoluteUri, cancellationToken), layer.Width, layer.Height, image.Fit, mediaOptions.MaxPixels),
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

    private static async Task<string> WriteAsync(string path, Func<Task<byte[]>> make, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await File.WriteAllBytesAsync(path, await make(), cancellationToken);
        return path;
    }

    private static string ContentKey(TimelineLayer layer)
    {
        var identity = layer.Content switch
        {
            TextContent text => $"text|{text.Block}",
            ImageContent image => $"image|{image.Url.AbsoluteUri}|{image.Fit}|{layer.Width}x{layer.Height}",
            _ => throw new InvalidOperationException(),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
