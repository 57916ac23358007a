using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Text;
using SkiaSharp;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Text;

public sealed class TextRasterizerTests
{
    private const byte InkAlpha = 128;

    // One instance for the whole test run, as in production; also exercises concurrent use across test classes.
    private static readonly TextRasterizer Rasterizer = new();

    private static readonly RgbaColor White = new(255, 255, 255);

    [Fact]
    public void Output_is_exactly_the_box_size_with_a_transparent_background()
    {
        using var bitmap = Render(new TextBlock("Hi", 321, 123, 32, White));

        Assert.Equal(321, bitmap.Width);
        Assert.Equal(123, bitmap.Height);
        Assert.Equal(0, bitmap.GetPixel(0, 0).Alpha);
        Assert.Equal(0, bitmap.GetPixel(320, 122).Alpha);
    }

    [Fact]
    public void Centred_text_has_ink_in_the_middle_and_none_in_the_outer_thirds()
    {
        using var bitmap = Render(new TextBlock("Hello", 600, 100, 40, White));
        var ink = InkColumns(bitmap);

        Assert.Contains(ink, x => Math.Abs(x - 300) < 30);
        Assert.DoesNotContain(ink, x => x < 200 || x >= 400);
    }

    [Fact]
    public void Left_and_right_alignment_move_the_ink_to_that_side()
    {
        using var left = Render(new TextBlock("Hello", 600, 100, 40, White, TextAlign.Left));
        using var right = Render(new TextBlock("Hello", 600, 100, 40, White, TextAlign.Right));

        Assert.True(InkColumns(left).Max() < 200);
        Assert.True(InkColumns(left).Min() < 10);
        Assert.True(InkColumns(right).Min() >= 400);
        Assert.True(InkColumns(right).Max() > 590);
    }

    [Fact]
    public void Top_and_bottom_alignment_move_the_ink_vertically()
    {
        using var top = Render(new TextBlock("Hello", 300, 300, 30, White, VerticalAlign: TextVerticalAlign.Top));
        using var bottom = Render(new TextBlock("Hello", 300, 300, 30, White, VerticalAlign: TextVerticalAlign.Bottom));

        Assert.True(InkRows(top).Max() < 50);
        Assert.True(InkRows(bottom).Min() > 250);
    }

    [Theory]
    [InlineData("quote' 100% \\ : ${x} {y}")]
    [InlineData("\"double\" 'single' `tick` %{pts} \\n :: ;,= [a] <b> &amp;")]
    [InlineData("tab\there\u0007bell\u0000nul")]
    public void Special_characters_render_literally(string text)
    {
        using var bitmap = Render(new TextBlock(text, 800, 100, 24, White));

        Assert.NotEmpty(InkColumns(bitmap));
    }

    [Fact]
    public void Control_characters_are_dropped_and_tabs_become_spaces()
    {
        var layout = Rasterizer.Layout(new TextBlock("a\tb\u0007c", 800, 100, 24, White));

        Assert.Equal("a bc", Assert.Single(layout.Lines).Text);
    }

    [Theory]
    [InlineData("first line\nsecond line")]
    [InlineData("first line\r\nsecond line")]
    public void Newlines_start_new_lines(string text)
    {
        using var bitmap = Render(new TextBlock(text, 400, 200, 30, White));

        Assert.True(RowBands(bitmap) >= 2);
    }

    [Fact]
    public void Long_text_wraps_on_spaces()
    {
        var layout = Rasterizer.Layout(new TextBlock("one two three four five six seven eight", 200, 400, 24, White));

        Assert.True(layout.Lines.Count >= 2);
        Assert.Equal(24, layout.FontSize);
        Assert.All(layout.Lines, line => Assert.False(line.Text.StartsWith(' ') || line.Text.EndsWith(' ')));
        Assert.Equal("one two three four five six seven eight", string.Join(' ', layout.Lines.Select(l => l.Text)));
    }

    [Fact]
    public void A_word_wider_than_the_box_is_broken_between_characters()
    {
        var layout = Rasterizer.Layout(new TextBlock(new string('W', 40), 200, 400, 24, White));

        Assert.True(layout.Lines.Count >= 2);
        Assert.True(layout.Fits);
        Assert.Equal(new string('W', 40), string.Concat(layout.Lines.Select(l => l.Text)));
    }

    [Fact]
    public void Text_too_big_for_the_box_is_shrunk_and_stays_inside()
    {
        var block = new TextBlock(
            "This is a rather long caption that cannot possibly fit into such a small box at the requested size",
            200, 80, 48, White);

        var layout = Rasterizer.Layout(block);
        using var bitmap = Render(block);

        Assert.True(layout.FontSize < 48);
        Assert.True(layout.Fits);
        Assert.NotEmpty(InkColumns(bitmap));
        Assert.All(InkColumns(bitmap), x => Assert.InRange(x, 1, 198));
        Assert.All(InkRows(bitmap), y => Assert.InRange(y, 1, 78));
    }

    [Fact]
    public void Text_that_cannot_fit_even_at_the_minimum_size_is_clipped_without_error()
    {
        var block = new TextBlock(string.Join(' ', Enumerable.Repeat("overflow", 200)), 60, 20, 40, White);

        var layout = Rasterizer.Layout(block);
        using var bitmap = Render(block);

        Assert.Equal(6, layout.FontSize);
        Assert.False(layout.Fits);
        Assert.Equal(60, bitmap.Width);
    }

    [Fact]
    public void Emoji_render_in_colour()
    {
        using var bitmap = Render(new TextBlock("🎉", 200, 200, 96, White));

        Assert.Contains(Pixels(bitmap), p => p.Alpha > 200 && Saturation(p) > 100);
    }

    [Fact]
    public void Emoji_mixed_with_text_render_both()
    {
        using var bitmap = Render(new TextBlock("Party 🎉 time", 600, 100, 40, White));

        Assert.Contains(Pixels(bitmap), p => p.Alpha > 200 && Saturation(p) > 100);
        Assert.Contains(Pixels(bitmap), p => p is { Alpha: 255, Red: 255, Green: 255, Blue: 255 });
    }

    [Theory]
    [InlineData("שלום עולם")]
    [InlineData("مرحبا بالعالم")]
    [InlineData("Hello שלום world")]
    public void Right_to_left_scripts_render_ink(string text)
    {
        using var bitmap = Render(new TextBlock(text, 600, 100, 40, White));

        Assert.NotEmpty(InkColumns(bitmap));
    }

    [Theory]
    [InlineData("中文字幕")]
    [InlineData("日本語のテキスト")]
    [InlineData("한국어 텍스트")]
    public void Chinese_japanese_and_korean_render_ink_inside_the_box(string text)
    {
        using var bitmap = Render(new TextBlock(text, 600, 100, 40, White));

        Assert.NotEmpty(InkColumns(bitmap));
        Assert.All(InkColumns(bitmap), x => Assert.InRange(x, 1, 598));
        Assert.All(InkRows(bitmap), y => Assert.InRange(y, 1, 98));
    }

    [Fact]
    public void Cjk_characters_are_drawn_as_their_glyphs_not_as_missing_glyph_boxes()
    {
        // A missing glyph is the same box for every character; 一 ("one") is a single horizontal stroke.
        using var one = Render(new TextBlock("一", 200, 200, 100, White));
        using var middle = Render(new TextBlock("中", 200, 200, 100, White));
        using var sun = Render(new TextBlock("日", 200, 200, 100, White));

        var rows = InkRows(one);
        Assert.NotEmpty(rows);
        Assert.True(rows.Max() - rows.Min() < 20, $"一 is one stroke, {rows.Max() - rows.Min() + 1} px tall");
        Assert.True(InkColumns(middle).Count > InkColumns(sun).Count, "中 is wider than 日");
        Assert.True(InkRows(middle).Count > 60 && InkRows(sun).Count > 60);
    }

    [Fact]
    public void Right_aligned_hebrew_touches_the_right_side()
    {
        using var bitmap = Render(new TextBlock("שלום עולם", 600, 100, 40, White, TextAlign.Right));
        var ink = InkColumns(bitmap);

        Assert.True(ink.Max() > 580);
        Assert.True(ink.Min() > 300);
    }

    [Fact]
    public void Hebrew_is_laid_out_right_to_left()
    {
        // A one-letter word followed by a long word: read right to left, the first (narrow) word is on the right.
        var block = new TextBlock("א ששששששששששש", 800, 100, 40, White, TextAlign.Left);
        using var bitmap = Render(block);
        var ink = InkColumns(bitmap);
        var gap = LargestGap(ink);

        Assert.True(Assert.Single(Rasterizer.Layout(block).Lines).RtlParagraph);
        Assert.True(gap.Start - ink.Min() > ink.Max() - gap.End, "the single letter should be right of the gap");
    }

    [Fact]
    public void Arabic_letters_join()
    {
        using var joined = Render(new TextBlock("سسس", 400, 100, 60, White));
        // Zero-width non-joiners force the isolated forms, which leave gaps between the letters.
        using var isolated = Render(new TextBlock("س\u200Cس\u200Cس", 400, 100, 60, White));

        Assert.Equal(1, Width(LargestGap(InkColumns(joined))));
        Assert.True(Width(LargestGap(InkColumns(isolated))) > 1);
    }

    [Fact]
    public void Unknown_font_family_falls_back_to_the_default()
    {
        using var fallback = Render(new TextBlock("Hello", 300, 100, 30, White, FontFamily: "No Such Font 12345"));
        using var normal = Render(new TextBlock("Hello", 300, 100, 30, White));

        Assert.Equal(InkColumns(normal), InkColumns(fallback));
    }

    [Fact]
    public void Colour_and_alpha_are_applied_unpremultiplied()
    {
        using var bitmap = Render(new TextBlock("█", 100, 100, 60, new RgbaColor(255, 0, 0, 128)));
        var core = Pixels(bitmap).Where(p => p.Alpha >= 120).ToList();

        Assert.NotEmpty(core);
        Assert.All(core, p =>
        {
            Assert.InRange(p.Alpha, 126, 130);
            Assert.InRange(p.Red, 250, 255);
            Assert.Equal(0, p.Green);
        });
    }

    [Fact]
    public void Empty_text_renders_a_transparent_box()
    {
        using var bitmap = Render(new TextBlock("", 50, 40, 20, White));

        Assert.Empty(InkColumns(bitmap));
    }

    [Fact]
    public void Concurrent_renders_are_identical()
    {
        var block = new TextBlock("Hello שלום 🎉 مرحبا", 500, 100, 30, White);
        var expected = Rasterizer.RenderPng(block);

        var results = new byte[16][];
        Parallel.For(0, results.Length, i => results[i] = Rasterizer.RenderPng(block));

        Assert.All(results, png => Assert.Equal(expected, png));
    }

    private static SKBitmap Render(TextBlock block)
    {
        var png = Rasterizer.RenderPng(block);
        var bitmap = SKBitmap.Decode(png, new SKImageInfo(block.Width, block.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.NotNull(bitmap);
        return bitmap;
    }

    private static SKColor[] Pixels(SKBitmap bitmap) => bitmap.Pixels;

    private static List<int> InkColumns(SKBitmap bitmap) =>
        Enumerable.Range(0, bitmap.Width)
            .Where(x => Enumerable.Range(0, bitmap.Height).Any(y => bitmap.GetPixel(x, y).Alpha >= InkAlpha))
            .ToList();

    private static List<int> InkRows(SKBitmap bitmap) =>
        Enumerable.Range(0, bitmap.Height)
            .Where(y => Enumerable.Range(0, bitmap.Width).Any(x => bitmap.GetPixel(x, y).Alpha >= InkAlpha))
            .ToList();

    private static int RowBands(SKBitmap bitmap)
    {
        var rows = InkRows(bitmap);
        return rows.Count == 0 ? 0 : 1 + rows.Zip(rows.Skip(1)).Count(pair => pair.Second - pair.First > 1);
    }

    private static (int Start, int End) LargestGap(List<int> ink) =>
        ink.Zip(ink.Skip(1)).MaxBy(pair => pair.Second - pair.First);

    private static int Width((int Start, int End) gap) => gap.End - gap.Start;

    private static int Saturation(SKColor p) => Math.Max(p.Red, Math.Max(p.Green, p.Blue)) - Math.Min(p.Red, Math.Min(p.Green, p.Blue));
}
