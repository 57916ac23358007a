using Orleans.Render.TestSupport;
using Orleans.Render.Rendering.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Media;

public sealed class ImageNormalizerTests
{
    private const long MaxPixels = 40_000_000;
    private static readonly Rgba32 Red = new(255, 0, 0);

    [Theory]
    [InlineData(ImageFit.Cover)]
    [InlineData(ImageFit.Contain)]
    [InlineData(ImageFit.Stretch)]
    public void Every_fit_produces_the_exact_size(ImageFit fit)
    {
        var source = TestImages.SolidPng(300, 100, Red);

        using var result = TestImages.Load(ImageNormalizer.ToPng(source, 64, 48, fit, MaxPixels));

        Assert.Equal(64, result.Width);
        Assert.Equal(48, result.Height);
    }

    [Fact]
    public void Output_is_an_rgba_png()
    {
        var png = ImageNormalizer.ToPng(TestImages.SolidPng(10, 10, Red), 10, 10, ImageFit.Stretch, MaxPixels);

        var info = Image.Identify(png, out var format);
        Assert.Equal("PNG", format.Name);
        Assert.Equal(32, info.PixelType.BitsPerPixel);
    }

    [Fact]
    public void Contain_pads_with_transparency()
    {
        var source = TestImages.SolidPng(200, 100, Red);

        using var result = TestImages.Load(ImageNormalizer.ToPng(source, 100, 100, ImageFit.Contain, MaxPixels));

        Assert.Equal(0, result[50, 2].A);
        Assert.Equal(0, result[50, 97].A);
        Assert.Equal(Red, result[50, 50]);
        Assert.Equal(255, result[0, 50].A);
    }

    [Fact]
    public void Cover_fills_to_the_edges()
    {
        var source = TestImages.SolidPng(200, 100, Red);

        using var result = TestImages.Load(ImageNormalizer.ToPng(source, 100, 100, ImageFit.Cover, MaxPixels));

        Assert.Equal(Red, result[0, 0]);
        Assert.Equal(Red, result[99, 0]);
        Assert.Equal(Red, result[0, 99]);
        Assert.Equal(Red, result[99, 99]);
        Assert.Equal(Red, result[50, 50]);
    }

    [Fact]
    public void Exif_orientation_is_applied_before_fitting()
    {
        // Stored 80x40 but displayed 40x80: only an oriented image fills a 40x80 box without padding.
        var source = TestImages.RotatedJpeg(80, 40);

        using var result = TestImages.Load(ImageNormalizer.ToPng(source, 40, 80, ImageFit.Contain, MaxPixels));

        Assert.Equal(255, result[20, 1].A);
        Assert.Equal(255, result[20, 78].A);
    }

    [Fact]
    public void Oversized_dimensions_are_rejected_from_the_header_alone()
    {
        var bomb = TestImages.PngWithClaimedSize(10_000, 10_000);

        var ex = Assert.Throws<RenderInputException>(() => ImageNormalizer.ToPng(bomb, 100, 100, ImageFit.Cover, MaxPixels));

        Assert.Equal("image_too_large", ex.Code);
        Assert.Contains("10000x10000", ex.Message);
    }

    [Fact]
    public void Pixel_limit_is_the_callers()
    {
        var source = TestImages.SolidPng(100, 100, Red);

        var ex = Assert.Throws<RenderInputException>(() => ImageNormalizer.ToPng(source, 10, 10, ImageFit.Cover, 9_999));

        Assert.Equal("image_too_large", ex.Code);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48 })]
    public void Undecodable_bytes_are_image_invalid(byte[] data)
    {
        var ex = Assert.Throws<RenderInputException>(() => ImageNormalizer.ToPng(data, 10, 10, ImageFit.Cover, MaxPixels));

        Assert.Equal("image_invalid", ex.Code);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 0)]
    [InlineData(-1, 10)]
    public void Target_size_must_be_positive(int width, int height)
    {
        var source = TestImages.SolidPng(10, 10, Red);

        Assert.Throws<ArgumentOutOfRangeException>(() => ImageNormalizer.ToPng(source, width, height, ImageFit.Cover, MaxPixels));
    }
}
