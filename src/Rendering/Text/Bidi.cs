using System.Globalization;
using System.Text;

namespace Orleans.Render.Rendering.Text;

/// <summary>
/// A small subset of the Unicode bidirectional algorithm (UAX #9): strong left-to-right and right-to-left letters,
/// numbers (rules W7, I1, I2), neutrals resolved from their neighbours (N1, N2) and visual reordering of runs (L2).
/// No explicit embeddings, overrides or isolates, and European and Arabic numbers are not told apart.
/// </summary>
internal static class Bidi
{
    private enum BidiClass { Neutral, Ltr, Rtl, Number }

    public static bool IsRtlParagraph(string paragraph)
    {
        foreach (var rune in paragraph.EnumerateRunes())
        {
            var bidiClass = Classify(rune);
            if (bidiClass is BidiClass.Ltr or BidiClass.Rtl)
            {
                return bidiClass == BidiClass.Rtl;
            }
        }

        return false;
    }

    /// <summary>The embedding level of every UTF-16 code unit of <paramref name="line"/>; odd levels are right-to-left.</summary>
    public static int[] Levels(string line, bool rtlParagraph)
    {
        var paragraph = rtlParagraph ? BidiClass.Rtl : BidiClass.Ltr;
        var classes = Classify(line);

        // W7: a number after left-to-right text (or at the start of a left-to-right paragraph) is left-to-right.
        var lastStrong = paragraph;
        for (var i = 0; i < classes.Length; i++)
        {
            if (classes[i] is BidiClass.Ltr or BidiClass.Rtl)
            {
                lastStrong = classes[i];
            }
            else if (classes[i] == BidiClass.Number && lastStrong == BidiClass.Ltr)
            {
                classes[i] = BidiClass.Ltr;
            }
        }

        // N1, N2: neutrals between text of one direction take it (numbers count as right-to-left), others the paragraph's.
        for (var i = 0; i < classes.Length;)
        {
            if (classes[i] != BidiClass.Neutral)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < classes.Length && classes[end] == BidiClass.Neutral)
            {
                end++;
            }

            var before = i > 0 ? AsStrong(classes[i - 1]) : paragraph;
            var after = end < classes.Length ? AsStrong(classes[end]) : paragraph;
            Array.Fill(classes, before == after ? before : paragraph, i, end - i);
            i = end;
        }

        // I1, I2.
        return Array.ConvertAll(classes, bidiClass => (rtlParagraph, bidiClass) switch
        {
            (false, BidiClass.Ltr) => 0,
            (false, BidiClass.Rtl) => 1,
            (true, BidiClass.Rtl) => 1,
            _ => 2,
        });
    }

    /// <summary>Rule L2: from the highest level down to the lowest odd level, reverse every maximal sequence at that level or above.</summary>
    public static void ReorderVisually<T>(List<T> runs, Func<T, int> level)
    {
        if (runs.Count == 0)
        {
            return;
        }

        var highest = runs.Max(level);
        var lowestOdd = runs.Select(level).Where(l => l % 2 == 1).DefaultIfEmpty(highest + 1).Min();
        for (var current = highest; current >= lowestOdd; current--)
        {
            for (var start = 0; start < runs.Count;)
            {
                if (level(runs[start]) < current)
                {
                    start++;
                    continue;
                }

                var end = start;
                while (end < runs.Count && level(runs[end]) >= current)
                {
                    end++;
                }

                runs.Reverse(start, end - start);
                start = end;
            }
        }
    }

    private static BidiClass AsStrong(BidiClass bidiClass) => bidiClass == BidiClass.Number ? BidiClass.Rtl : bidiClass;

    private static BidiClass[] Classify(string line)
    {
        var classes = new BidiClass[line.Length];
        var previous = BidiClass.Neutral;
        for (var i = 0; i < line.Length;)
        {
            Rune.DecodeFromUtf16(line.AsSpan(i), out var rune, out var length);
            // Combining marks take the class of the character they combine with (W1).
            var bidiClass = Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                ? previous
                : Classify(rune);
            Array.Fill(classes, bidiClass, i, length);
            previous = bidiClass;
            i += length;
        }

        return classes;
    }

    private static BidiClass Classify(Rune rune)
    {
        if (Rune.IsDigit(rune))
        {
            return BidiClass.Number;
        }

        if (!Rune.IsLetter(rune))
        {
            return BidiClass.Neutral;
        }

        return rune.Value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFE)
            or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF)
            ? BidiClass.Rtl
            : BidiClass.Ltr;
    }
}
