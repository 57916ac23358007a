using System.Globalization;
using System.Text;
using Orleans.Render.Rendering.Model;
using SkiaSharp;

namespace Orleans.Render.Rendering.Text;

/// <summary>A wrapped line and the direction of the paragraph it came from.</summary>
internal readonly record struct TextLine(string Text, bool RtlParagraph);

/// <summary>The outcome of fitting a <see cref="TextBlock"/>: the font size used and the wrapped lines.</summary>
internal sealed record TextLayout(float FontSize, IReadOnlyList<TextLine> Lines, bool Fits);

/// <summary>
/// Rasterizes a <see cref="TextBlock"/> into a transparent PNG of exactly its box size.
/// Thread-safe; meant to be a process-wide singleton so typefaces and shapers are loaded once.
/// </summary>
public sealed class TextRasterizer
{
    private const float MinFontSize = 6f;
    private const float ShrinkFactor = 0.95f;

    // Shaped widths scale linearly with size, so measurements are taken once at this size and scaled.
    private const float MeasureSize = 100f;

    private readonly FontCollection fonts = new();

    /// <summary>Whether <paramref name="family"/> is an installed font family; when it is not, a project font asset may supply it.</summary>
    public bool IsInstalled(string family) => fonts.IsInstalled(family);

    public byte[] RenderPng(TextBlock block)
    {
        var layout = Layout(block);
        var primary = fonts.Primary(block.FontFamily, block.FontFile);
        using var font = FontCollection.CreateFont(primary, layout.FontSize);
        var ascent = -font.Metrics.Ascent;
        var lineHeight = layout.FontSize * block.LineSpacing;
        var blockHeight = BlockHeight(layout.Lines.Count, font, lineHeight);
        var (innerWidth, innerHeight) = InnerSize(block);
        var top = block.Padding + block.VerticalAlign switch
        {
            TextVerticalAlign.Top => 0f,
            TextVerticalAlign.Bottom => innerHeight - blockHeight,
            _ => (innerHeight - blockHeight) / 2f,
        };

        using var bitmap = new SKBitmap(new SKImageInfo(block.Width, block.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var builder = new SKTextBlobBuilder())
        {
            canvas.Clear(block.Background is { } background ? ToSkia(background) : SKColors.Transparent);
            for (var i = 0; i < layout.Lines.Count; i++)
            {
                var line = layout.Lines[i];
                var runs = fonts.ShapeLine(line.Text, line.RtlParagraph, primary, layout.FontSize);
                var width = runs.Sum(run => run.Width);
                var x = block.Padding + block.Align switch
                {
                    TextAlign.Left => 0f,
                    TextAlign.Right => innerWidth - width,
                    _ => (innerWidth - width) / 2f,
                };
                var baseline = top + ascent + (i * lineHeight);
                foreach (var run in runs)
                {
                    using var runFont = FontCollection.CreateFont(run.Typeface, layout.FontSize);
                    var positions = Array.ConvertAll(run.Positions, p => new SKPoint(x + p.X, baseline + p.Y));
                    builder.AddPositionedRun(run.Glyphs, runFont, positions);
                    x += run.Width;
                }
            }

            using var blob = builder.Build();
            if (blob is not null)
            {
                if (block.Overflow == TextOverflow.Clip)
                {
                    canvas.ClipRect(new SKRect(block.Padding, block.Padding, block.Width - block.Padding, block.Height - block.Padding));
                }

                DrawStyled(canvas, blob, block);
            }
        }

        // Skia's PNG encoder un-premultiplies, so translucent edges keep their true colour.
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Shadow first (of the outlined glyphs), then the outline, then the fill, so each sits under the next.</summary>
    private static void DrawStyled(SKCanvas canvas, SKTextBlob blob, TextBlock block)
    {
        var outlineWidth = block.Outline?.Width ?? 0;
        if (block.Shadow is { } shadow)
        {
            using var blur = shadow.Blur > 0 ? SKMaskFilter.CreateBlur(SKBlurStyle.Normal, shadow.Blur / 2) : null;
            using var shadowPaint = new SKPaint { IsAntialias = true, Color = ToSkia(shadow.Color), MaskFilter = blur };
            canvas.DrawText(blob, shadow.X, shadow.Y, shadowPaint);
            if (outlineWidth > 0)
            {
                using var shadowStroke = Stroke(shadow.Color, outlineWidth);
                shadowStroke.MaskFilter = blur;
                canvas.DrawText(blob, shadow.X, shadow.Y, shadowStroke);
            }
        }

        if (block.Outline is { } outline)
        {
            using var stroke = Stroke(outline.Color, outline.Width);
            canvas.DrawText(blob, 0, 0, stroke);
        }

        using var fill = new SKPaint { IsAntialias = true, Color = ToSkia(block.Color) };
        canvas.DrawText(blob, 0, 0, fill);
    }

    /// <summary>A stroke centred on the glyph edge, twice the outline width so <c>width</c> pixels show outside the fill.</summary>
    private static SKPaint Stroke(RgbaColor color, float width) => new()
    {
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = width * 2,
        StrokeJoin = SKStrokeJoin.Round,
        Color = ToSkia(color),
    };

    private static SKColor ToSkia(RgbaColor color) => new(color.R, color.G, color.B, color.A);

    private static (int Width, int Height) InnerSize(TextBlock block) =>
        (Math.Max(1, block.Width - (2 * block.Padding)), Math.Max(1, block.Height - (2 * block.Padding)));

    /// <summary>
    /// Wraps the text at the requested size inside the box minus its padding and, with <see cref="TextOverflow.Shrink"/>,
    /// while it overflows shrinks the font in 5% steps down to <see cref="MinFontSize"/>. Text that still overflows (at the
    /// minimum, or at full size with <c>clip</c>/<c>none</c>) is laid out anyway and cut when drawn.
    /// </summary>
    internal TextLayout Layout(TextBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(block.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(block.Height);
        if (!float.IsFinite(block.FontSize) || block.FontSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block.FontSize, "FontSize must be a positive number.");
        }

        if (!float.IsFinite(block.LineSpacing) || block.LineSpacing <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block.LineSpacing, "LineSpacing must be a positive number.");
        }

        var primary = fonts.Primary(block.FontFamily, block.FontFile);
        var paragraphs = Normalize(block.Text ?? string.Empty)
            .Split('\n')
            .Select(text => (Text: text, Rtl: Bidi.IsRtlParagraph(text)))
            .ToList();
        var widths = new Dictionary<(string, bool), float>();
        float Measure(string text, bool rtl)
        {
            if (!widths.TryGetValue((text, rtl), out var width))
            {
                width = fonts.ShapeLine(text, rtl, primary, MeasureSize).Sum(run => run.Width) / MeasureSize;
                widths[(text, rtl)] = width;
            }

            return width;
        }

        var (innerWidth, innerHeight) = InnerSize(block);
        var size = block.FontSize;
        while (true)
        {
            var maxWidth = innerWidth / size;
            var lines = paragraphs
                .SelectMany(p => Wrap(p.Text, maxWidth, text => Measure(text, p.Rtl)).Select(text => new TextLine(text, p.Rtl)))
                .ToList();
            using var font = FontCollection.CreateFont(primary, size);
            var fits = BlockHeight(lines.Count, font, size * block.LineSpacing) <= innerHeight
                && lines.All(line => Measure(line.Text, line.RtlParagraph) <= maxWidth);
            if (fits || size <= MinFontSize || block.Overflow != TextOverflow.Shrink)
            {
                return new TextLayout(size, lines, fits);
            }

            size = Math.Max(MinFontSize, size * ShrinkFactor);
        }
    }

    private static float BlockHeight(int lineCount, SKFont font, float lineHeight) =>
        lineCount == 0 ? 0 : ((lineCount - 1) * lineHeight) + font.Metrics.Descent - font.Metrics.Ascent;

    /// <summary>Unifies line breaks to '\n', turns tabs into spaces and drops every other control character.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    builder.Append('\n');
                    break;
                case '\t':
                    builder.Append(' ');
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Greedy word wrap on spaces; a word wider than the line is broken between grapheme clusters.</summary>
    private static List<string> Wrap(string paragraph, float maxWidth, Func<string, float> measure)
    {
        var lines = new List<string>();
        var lineStart = 0;
        var lineEnd = -1;
        for (var wordStart = 0; wordStart <= paragraph.Length;)
        {
            var wordEnd = paragraph.IndexOf(' ', wordStart);
            if (wordEnd < 0)
            {
                wordEnd = paragraph.Length;
            }

            if (measure(paragraph[lineStart..wordEnd]) <= maxWidth)
            {
                lineEnd = wordEnd;
            }
            else if (lineEnd >= 0)
            {
                lines.Add(paragraph[lineStart..lineEnd].TrimEnd(' '));
                lineStart = lineEnd + 1;
                lineEnd = -1;
                continue;
            }
            else
            {
                var pieces = BreakWord(paragraph[lineStart..wordEnd], maxWidth, measure);
                lines.AddRange(pieces.Take(pieces.Count - 1));
                lineStart = wordEnd - pieces[^1].Length;
                lineEnd = wordEnd;
            }

            wordStart = wordEnd + 1;
        }

        lines.Add(paragraph[lineStart..lineEnd]);
        return lines;
    }

    private static List<string> BreakWord(string word, float maxWidth, Func<string, float> measure)
    {
        var pieces = new List<string>();
        var start = 0;
        var end = 0;
        while (end < word.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(word, end);
            if (end > start && measure(word[start..next]) > maxWidth)
            {
                pieces.Add(word[start..end]);
                start = end;
            }

            end = next;
        }

        pieces.Add(word[start..]);
        return pieces;
    }
}
