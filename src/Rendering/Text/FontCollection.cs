using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Buffer = HarfBuzzSharp.Buffer;

namespace Orleans.Render.Rendering.Text;

/// <summary>A run of glyphs shaped by HarfBuzz, positioned relative to the run's left edge and the baseline.</summary>
internal sealed record ShapedRun(SKTypeface Typeface, ushort[] Glyphs, SKPoint[] Positions, float Width);

/// <summary>
/// Resolves, caches and shapes with typefaces. Typefaces and shapers live for the process: there are few of them
/// and building a shaper copies the whole font file (Noto Color Emoji is about 10 MB).
/// </summary>
internal sealed class FontCollection
{
    public const string DefaultFamily = "DejaVu Sans";

    /// <summary>
    /// Installed families tried in order for a character that neither the text's typeface nor fontconfig's own match
    /// covers: Latin, Greek, Cyrillic, Hebrew and Arabic, then emoji, then Chinese, Japanese and Korean (the scripts
    /// install all three; Noto Sans CJK is used when an operator installed it instead).
    /// </summary>
    public static readonly IReadOnlyList<string> FallbackFamilies = [DefaultFamily, "Noto Color Emoji", "WenQuanYi Micro Hei", "Noto Sans CJK SC"];

    private readonly SKFontManager manager = SKFontManager.Default;
    private readonly ConcurrentDictionary<string, SKTypeface> interned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SKTypeface> families = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SKTypeface> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(SKTypeface Primary, int Codepoint), SKTypeface> coverage = new();
    private readonly ConcurrentDictionary<SKTypeface, Lazy<SKShaper>> shapers = new(ReferenceEqualityComparer.Instance);
    private readonly SKTypeface defaultTypeface;

    public FontCollection()
    {
        defaultTypeface = Intern(manager.MatchFamily(DefaultFamily) ?? SKTypeface.Default);
    }

    /// <summary>The typeface of <paramref name="family"/>, or DejaVu Sans when the family is not installed.</summary>
    public SKTypeface Primary(string family) => families.GetOrAdd(family, name =>
    {
        var typeface = string.IsNullOrWhiteSpace(name) ? null : manager.MatchFamily(name);
        return typeface is not null && typeface.FamilyName.Equals(name, StringComparison.OrdinalIgnoreCase)
            ? Intern(typeface)
            : defaultTypeface;
    });

    /// <summary>The typeface of a font file when one is given (a project font asset), else <see cref="Primary(string)"/>.</summary>
    public SKTypeface Primary(string family, string? fontFile) => fontFile is null ? Primary(family) : FromFile(fontFile);

    public bool IsInstalled(string family) =>
        family.Equals(DefaultFamily, StringComparison.OrdinalIgnoreCase) || !ReferenceEquals(Primary(family), defaultTypeface);

    /// <summary>
    /// Font files are keyed by their content, not their family name: two projects may upload different files that claim
    /// the same family. They are never interned with installed faces for the same reason.
    /// </summary>
    private SKTypeface FromFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return files.GetOrAdd(Convert.ToHexString(SHA256.HashData(bytes)), _ =>
        {
            using var data = SKData.CreateCopy(bytes);
            return SKTypeface.FromData(data) ?? defaultTypeface;
        });
    }

    /// <summary>
    /// Shapes <paramref name="line"/> and returns its runs in visual (left-to-right drawing) order.
    /// The line is split where the typeface changes (font fallback) or the resolved direction changes.
    /// </summary>
    public List<ShapedRun> ShapeLine(string line, bool rtlParagraph, SKTypeface primary, float size)
    {
        var runs = new List<(int Start, int Length, SKTypeface Typeface, int Level)>();
        var levels = Bidi.Levels(line, rtlParagraph);
        SKTypeface? previous = null;
        for (var i = 0; i < line.Length;)
        {
            Rune.DecodeFromUtf16(line.AsSpan(i), out var rune, out var length);
            var typeface = previous is not null && ContinuesCluster(rune) ? previous : TypefaceFor(primary, rune);
            var level = levels[i];
            if (runs.Count > 0 && runs[^1].Typeface == typeface && runs[^1].Level == level)
            {
                runs[^1] = runs[^1] with { Length = runs[^1].Length + length };
            }
            else
            {
                runs.Add((i, length, typeface, level));
            }

            previous = typeface;
            i += length;
        }

        Bidi.ReorderVisually(runs, run => run.Level);
        return runs.Select(run => Shape(line, run.Start, run.Length, run.Typeface, size, run.Level % 2 == 1)).ToList();
    }

    private ShapedRun Shape(string text, int start, int length, SKTypeface typeface, float size, bool rtl)
    {
        using var buffer = new Buffer();
        // Adding the whole line with an item range gives HarfBuzz the surrounding context (e.g. Arabic joining across runs).
        buffer.AddUtf16(text, start, length);
        buffer.Direction = rtl ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        using var font = CreateFont(typeface, size);
        var shaper = shapers.GetOrAdd(typeface, t => new Lazy<SKShaper>(() => new SKShaper(t))).Value;
        SKShaper.Result result;
        // SKShaper makes no thread-safety promise; shaping is short, so serialise per typeface.
        lock (shaper)
        {
            result = shaper.Shape(buffer, font);
        }

        var glyphs = Array.ConvertAll(result.Codepoints, glyph => (ushort)glyph);
        return new ShapedRun(typeface, glyphs, result.Points, result.Width);
    }

    public static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Edging = SKFontEdging.Antialias,
        Subpixel = true,
        // HarfBuzz positions glyphs with unhinted advances; hinting would make the outlines disagree with them.
        Hinting = SKFontHinting.None,
    };

    private SKTypeface TypefaceFor(SKTypeface primary, Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return primary;
        }

        return coverage.GetOrAdd((primary, rune.Value), key =>
        {
            using var font = new SKFont(key.Primary);
            if (font.ContainsGlyph(key.Codepoint))
            {
                return key.Primary;
            }

            var match = manager.MatchCharacter(key.Primary.FamilyName, key.Primary.FontStyle, null, key.Codepoint);
            return match is not null ? Intern(match) : Fallback(key.Codepoint) ?? key.Primary;
        });
    }

    private SKTypeface? Fallback(int codepoint)
    {
        foreach (var family in FallbackFamilies)
        {
            var typeface = manager.MatchFamily(family);
            if (typeface is not null && typeface.FamilyName.Equals(family, StringComparison.OrdinalIgnoreCase))
            {
                using var font = new SKFont(typeface);
                if (font.ContainsGlyph(codepoint))
                {
                    return Intern(typeface);
                }
            }
        }

        return null;
    }

    /// <summary>Marks, joiners, variation selectors and skin-tone modifiers must stay in the typeface of the character they modify.</summary>
    private static bool ContinuesCluster(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
        || rune.Value is >= 0x1F3FB and <= 0x1F3FF;

    /// <summary>Font managers hand out a new object per lookup; one instance per face keeps the shaper cache small.</summary>
    private SKTypeface Intern(SKTypeface typeface)
    {
        var style = typeface.FontStyle;
        var key = $"{typeface.FamilyName}|{style.Weight}|{style.Width}|{style.Slant}";
        var kept = interned.GetOrAdd(key, typeface);
        if (!ReferenceEquals(kept, typeface))
        {
            typeface.Dispose();
        }

        return kept;
    }
}
