using Orleans.Render.Rendering.Assets;
using Orleans.Render.TestSupport;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Assets;

/// <summary>
/// <see cref="AssetInspector"/> on uploaded images and fonts: the facts it records, the kind it infers when the name says
/// nothing, and the files it refuses (undecodable, over the pixel limit by header alone, not a TTF/OTF, too many bytes).
/// </summary>
public sealed class AssetInspectorImageAndFontTests : IDisposable
{
    private static readonly Rgba32 Green = new(0, 255, 0);

    private readonly AssetFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_png_is_an_image_with_its_pixel_size()
    {
        var asset = await files.InspectAsync("logo.png", TestImages.SolidPng(64, 32, Green));

        Assert.Equal(new InspectedAsset("image", "image/png", 64, 32), asset);
    }

    [Fact]
    public async Task A_jpeg_made_by_ffmpeg_is_named_by_its_content_type_when_the_name_has_no_extension()
    {
        var jpeg = await TestMedia.MakeAsync(".jpg", "-f", "lavfi", "-i", "testsrc=s=40x20", "-frames:v", "1");

        var asset = await files.InspectAsync("photo", jpeg, "image/jpeg");

        Assert.Equal(new InspectedAsset("image", "image/jpeg", 40, 20), asset);
    }

    [Fact]
    public async Task Without_extension_or_content_type_an_image_is_recognised_by_its_bytes()
    {
        var asset = await files.InspectAsync("logo", TestImages.SolidPng(10, 12, Green));

        Assert.Equal(("image", "image/png", 10, 12), (asset.Kind, asset.ContentType, asset.Width, asset.Height));
    }

    [Fact]
    public async Task An_image_bomb_is_refused_from_its_header_before_any_pixel_is_decoded()
    {
        // 10000x10000 claimed by a 1x1 PNG: decoding it would fail differently, so "image_too_large" proves the header check.
        var refusal = await files.RefusedAsync("image_too_large", "bomb.png", TestImages.PngWithClaimedSize(10_000, 10_000));

        Assert.Contains("10000x10000", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_over_the_pixel_limit_is_refused_and_one_at_the_limit_accepted()
    {
        files.Options.MaxPixels = 50 * 20;

        await files.RefusedAsync("image_too_large", "wide.png", TestImages.SolidPng(51, 20, Green));
        Assert.Equal("image", (await files.InspectAsync("fits.png", TestImages.SolidPng(50, 20, Green))).Kind);
    }

    [Fact]
    public async Task A_cube_file_is_a_lut_asset_with_its_size_and_a_broken_one_is_refused()
    {
        var asset = await files.InspectAsync("warm.cube", System.Text.Encoding.ASCII.GetBytes(CubeLutTests.Table(5, (r, g, b) => (r, g, b))));
        Assert.Equal(("lut", 5, 5), (asset.Kind, asset.Width, asset.Height));

        await files.RefusedAsync("lut_invalid", "broken.cube", System.Text.Encoding.ASCII.GetBytes("LUT_3D_SIZE 2\n0 0 0\n"));
    }

    [Fact]
    public async Task Arbitrary_bytes_named_png_are_not_an_image()
    {
        await files.RefusedAsync("image_invalid", "logo.png", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 + 7))]);
    }

    [Fact]
    public async Task A_png_cut_off_after_its_header_is_not_an_image()
    {
        var png = await TestMedia.MakeAsync(".png", "-f", "lavfi", "-i", "testsrc=s=200x200", "-frames:v", "1");

        await files.RefusedAsync("image_invalid", "cut.png", png[..(png.Length / 2)]);
    }

    [Fact]
    public async Task Text_named_png_is_not_an_image()
    {
        await files.RefusedAsync("image_invalid", "notes.png", "just some words"u8.ToArray());
    }

    [Fact]
    public async Task A_truetype_font_records_its_family()
    {
        var font = await File.ReadAllBytesAsync(TestFonts.MonoSource);

        Assert.Equal(new InspectedAsset("font", "font/ttf", FontFamily: "DejaVu Sans Mono"), await files.InspectAsync("mono.ttf", font));
        Assert.Equal("font", (await files.InspectAsync("mono", font)).Kind);
    }

    [Fact]
    public async Task A_renamed_font_records_the_family_in_its_name_table()
    {
        var asset = await files.InspectAsync("brand.ttf", TestFonts.RenamedMono("Brand Mono Sixty"));

        Assert.Equal("Brand Mono Sixty", asset.FontFamily);
    }

    [Fact]
    public async Task A_font_name_on_other_bytes_is_refused()
    {
        await files.RefusedAsync("font_invalid", "brand.ttf", TestImages.SolidPng(4, 4, Green));
    }

    [Fact]
    public async Task A_truetype_signature_followed_by_garbage_is_refused()
    {
        await files.RefusedAsync("font_invalid", "brand.otf", [.. "OTTO"u8, .. new byte[2048]]);
    }

    [Fact]
    public async Task A_file_over_the_byte_limit_is_refused_before_it_is_read()
    {
        files.Options.MaxBytes = 100;

        await files.RefusedAsync("asset_too_large", "logo.png", new byte[101]);
    }

    [Fact]
    public async Task Bytes_that_are_no_kind_of_media_are_unsupported()
    {
        var refusal = await files.RefusedAsync("asset_unsupported", "readme", "# Not media\nJust text.\n"u8.ToArray());

        Assert.Contains("'readme'", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logo.PNG", null, "image")]
    [InlineData("logo.png", "video/mp4", "image")]
    [InlineData("clip", "video/mp4", "video")]
    [InlineData("sound", "Audio/MPEG; charset=binary", "audio")]
    [InlineData("face", "application/font-sfnt", "font")]
    [InlineData("face", "font/woff2", "font")]
    [InlineData("face.woff2", null, null)]
    [InlineData("data.bin", "application/octet-stream", null)]
    [InlineData("data", null, null)]
    public void The_expected_kind_comes_from_the_extension_then_the_content_type(string name, string? contentType, string? kind)
    {
        Assert.Equal(kind, AssetInspector.ExpectedKind(name, contentType));
    }
}
