using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Orleans.Render.Rendering.Media;

/// <summary>Turns untrusted image bytes into an RGBA PNG of an exact size.</summary>
public static class ImageNormalizer
{
    /// <summary>
    /// Pixel buffers kept for reuse between images. ImageSharp's default pool may grow to a portion of the machine's
    /// physical memory and is trimmed only after a while without allocations, so a large image could leave a silo
    /// bigger by its pixels (96 MB for 24 megapixels) between renders; an image is decoded once per render, so reuse
    /// across renders saves little.
    /// </summary>
    public const int PoolMegabytes = 16;

    private static readonly Configuration Bounded = BoundedConfiguration();

    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.RgbWithAlpha,
        BitDepth = PngBitDepth.Bit8,
    };

    public static byte[] ToPng(byte[] data, int width, int height, ImageFit fit, long maxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);

        using var image = Decode(data, maxPixels);
        image.Mutate(x => x
            .AutoOrient()
            .Resize(new ResizeOptions
            {
                Size = new Size(width, height),
                Mode = fit switch
                {
                    ImageFit.Cover => ResizeMode.Crop,
                    ImageFit.Contain => ResizeMode.Pad,
                    ImageFit.Stretch => ResizeMode.Stretch,
                    _ => throw new ArgumentOutOfRangeException(nameof(fit), fit, null),
                },
                Position = AnchorPositionMode.Center,
                Sampler = KnownResamplers.Bicubic,
            }));

        using var output = new MemoryStream();
        image.SaveAsPng(output, Encoder);
        return output.ToArray();
    }

    private static Configuration BoundedConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = PoolMegabytes });
        return configuration;
    }

    private static Image<Rgba32> Decode(byte[] data, long maxPixels)
    {
        // Identify reads only the header, so a decompression bomb is rejected before any pixel buffer is allocated.
        IImageInfo? info;
        try
        {
            info = Image.Identify(Bounded, new MemoryStream(data, writable: false));
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            throw Invalid(ex);
        }

        if (info is null)
        {
            throw Invalid(null);
        }

        if ((long)info.Width * info.Height > maxPixels)
        {
            throw new RenderInputException(
                "image_too_large", $"Image is {info.Width}x{info.Height}, more than the {maxPixels} pixel limit.");
        }

        try
        {
            return Image.Load<Rgba32>(Bounded, data);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            throw Invalid(ex);
        }
    }

    private static bool IsDecodeFailure(Exception ex) =>
        ex is ImageFormatException or NotSupportedException or InvalidMemoryOperationException;

    private static RenderInputException Invalid(Exception? inner) =>
        new("image_invalid", "Media is not a decodable image.", inner);
}
