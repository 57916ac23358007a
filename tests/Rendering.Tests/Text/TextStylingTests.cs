using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Text;
using SkiaSharp;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Text;

/// <summary>Pixel checks of text styling: outline, shadow, background box with padding, overflow modes, alpha and line spacing.</summary>
public sealed class TextStylingTests
{
    private static readonly TextRasterizer Rasterizer = new();
    private static readonly RgbaColor White = new(255, 255, 255);
    private static readonly RgbaColor Red = new(255, 0, 0);
    private const string LongText = "This is a rather long caption that cannot possibly fit into such a small box at the requested size";

    [Fact]
    public void An_outline_puts_its_colour_around_the_glyph_edges()
    {
        using var plain = Render(new TextBlock("HOLA", 300, 100, 60, White));
        using var outlined = Render(new TextBlock("HOLA", 300, 100, 60, White, Outline: new TextOutline(Red, 3)));

        Assert.Empty(Where(plain, IsRed));
        var red = Where(outlined, IsRed);
        Assert.True(red.Count > 200, $"{red.Count} red outline pixels");
        Assert.True(Where(outlined, IsWhite).Count > 200, "the fill stays white inside the outline");
        // Every outline pixel is within the outline width (plus antialiasing) of a glyph pixel of the plain rendering.
        var glyph = Where(plain, p => p.Alpha >= 128).ToHashSet();
        Assert.All(red, p => Assert.True(Near(glyph, p, 5), $"{p} is far from any glyph"));
        Assert.True(Bounds(red).Left < Bounds(glyph).Left, "the outline reaches outside the glyphs");
    }

    [Fact]
    public void A_shadow_is_the_glyphs_offset_in_its_colour()
    {
        using var bitmap = Render(new TextBlock("HOLA", 300, 100, 60, White, Shadow: new TextShadow(Red, 6, 4, 0)));

        var white = Bounds(Where(bitmap, IsWhite));
        var red = Bounds(Where(bitmap, IsRed));
        Assert.InRange(red.Right - white.Right, 5, 7);
        Assert.InRange(red.Bottom - white.Bottom, 3, 5);
    }

    [Fact]
    public void A_blurred_shadow_spreads_translucent_pixels()
    {
        using var sharp = Render(new TextBlock("HOLA", 300, 100, 60, White, Shadow: new TextShadow(Red, 6, 4, 0)));
        using var blurred = Render(new TextBlock("HOLA", 300, 100, 60, White, Shadow: new TextShadow(Red, 6, 4, 10)));

        static int Soft(SKBitmap b) => Where(b, p => p.Alpha is > 10 and < 200).Count;
        Assert.True(Soft(blurred) > 2 * Soft(sharp), $"{Soft(blurred)} soft pixels vs {Soft(sharp)}");
        Assert.True(Bounds(Where(blurred, p => p.Alpha > 10)).Right > Bounds(Where(sharp, p => p.Alpha > 10)).Right + 2);
    }

    [Fact]
    public void A_background_fills_the_box_and_padding_keeps_the_text_inside()
    {
        var green = new RgbaColor(0, 200, 0);
        using var bitmap = Render(new TextBlock(
            "Hello", 300, 120, 40, White, TextAlign.Left, TextVerticalAlign.Top, Background: green, Padding: 20));

        Assert.Equal(new SKColor(0, 200, 0, 255), bitmap.GetPixel(5, 5));
        Assert.Equal(new SKColor(0, 200, 0, 255), bitmap.GetPixel(295, 115));
        var text = Bounds(Where(bitmap, IsWhite));
        Assert.InRange(text.Left, 20, 24);
        Assert.InRange(text.Top, 20, 36);
    }

    [Fact]
    public void Shrink_reduces_the_font_while_clip_and_none_keep_it()
    {
        var shrink = Rasterizer.Layout(new TextBlock(LongText, 200, 80, 48, White));
        var clip = Rasterizer.Layout(new TextBlock(LongText, 200, 80, 48, White, Overflow: TextOverflow.Clip));

        Assert.True(shrink.FontSize < 48 && shrink.Fits);
        Assert.Equal(48, clip.FontSize);
        Assert.False(clip.Fits);
    }

    [Fact]
    public void Clip_cuts_at_the_padding_and_none_draws_into_it()
    {
        var block = new TextBlock(LongText, 200, 100, 40, White, VerticalAlign: TextVerticalAlign.Top, Padding: 20, Overflow: TextOverflow.Clip);
        using var clipped = Render(block);
        using var overflowing = Render(block with { Overflow = TextOverflow.None });

        Assert.NotEmpty(Where(clipped, IsWhite));
        Assert.Empty(Where(clipped, p => p.Alpha > 0, (x, y) => y >= 80 || x >= 180));
        Assert.NotEmpty(Where(overflowing, p => p.Alpha > 0, (x, y) => y >= 80));
    }

    [Fact]
    public void Colour_alpha_is_honoured()
    {
        using var bitmap = Render(new TextBlock("HOLA", 300, 100, 60, new RgbaColor(255, 255, 255, 128)));

        Assert.InRange(bitmap.Pixels.Max(p => p.Alpha), 120, 136);
    }

    [Fact]
    public void Line_spacing_sets_the_distance_between_lines()
    {
        using var tight = Render(new TextBlock("A\nA", 200, 300, 40, White, LineSpacing: 1));
        using var loose = Render(new TextBlock("A\nA", 200, 300, 40, White, LineSpacing: 2.5f));

        static int Gap(SKBitmap b)
        {
            var rows = Where(b, p => p.Alpha >= 128).Select(p => p.Y).Distinct().Order().ToList();
            return rows.Zip(rows.Skip(1)).Max(pair => pair.Second - pair.First);
        }

        Assert.InRange(Gap(loose) - Gap(tight), 55, 65);
    }

    private static bool IsRed(SKColor p) => p.Alpha > 200 && p.Red > 200 && p.Green < 60 && p.Blue < 60;

    private static bool IsWhite(SKColor p) => p.Alpha > 200 && p.Red > 200 && p.Green > 200 && p.Blue > 200;

    private static List<SKPointI> Where(SKBitmap bitmap, Func<SKColor, bool> match, Func<int, int, bool>? at = null)
    {
        var points = new List<SKPointI>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if ((at is null || at(x, y)) && match(bitmap.GetPixel(x, y)))
                {
                    points.Add(new SKPointI(x, y));
                }
            }
        }

        return points;
    }

    private static SKRectI Bounds(IEnumerable<SKPointI> points) =>
        new(points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));

    private static bool Near(HashSet<SKPointI> set, SKPointI p, int distance)
    {
        for (var dy = -distance; dy <= distance; dy++)
        {
            for (var dx = -distance; dx <= distance; dx++)
            {
                if (set.Contains(new SKPointI(p.X + dx, p.Y + dy)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static SKBitmap Render(TextBlock block)
    {
        var png = Rasterizer.RenderPng(block);
        var bitmap = SKBitmap.Decode(png, new SKImageInfo(block.Width, block.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.NotNull(bitmap);
        return bitmap;
    }
}
