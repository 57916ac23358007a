using Orleans.Render.Rendering.Text;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Text;

public sealed class BidiTests
{
    [Theory]
    [InlineData("Hello world", false)]
    [InlineData("123 שלום", true)]
    [InlineData("مرحبا Hello", true)]
    [InlineData("!? Hello שלום", false)]
    [InlineData("", false)]
    public void Paragraph_direction_comes_from_the_first_strong_letter(string text, bool rtl)
    {
        Assert.Equal(rtl, Bidi.IsRtlParagraph(text));
    }

    [Theory]
    [InlineData("Hello world", false, "Hello world")]
    [InlineData("שלום עולם", true, "םלוע םולש")]
    [InlineData("Hello אבג world", false, "Hello גבא world")]
    [InlineData("Hello אבג 123 world", false, "Hello 123 גבא world")]
    [InlineData("אבג def 12!", true, "!def 12 גבא")]
    [InlineData("אבג 2024", true, "2024 גבא")]
    public void Runs_are_reordered_into_visual_order(string line, bool rtlParagraph, string visual)
    {
        Assert.Equal(visual, Visual(line, rtlParagraph));
    }

    /// <summary>What the line looks like read left to right: runs reordered, right-to-left runs reversed.</summary>
    private static string Visual(string line, bool rtlParagraph)
    {
        var levels = Bidi.Levels(line, rtlParagraph);
        var runs = new List<(string Text, int Level)>();
        for (var i = 0; i < line.Length; i++)
        {
            if (runs.Count > 0 && runs[^1].Level == levels[i])
            {
                runs[^1] = (runs[^1].Text + line[i], levels[i]);
            }
            else
            {
                runs.Add((line[i].ToString(), levels[i]));
            }
        }

        Bidi.ReorderVisually(runs, run => run.Level);
        return string.Concat(runs.Select(run => run.Level % 2 == 1 ? new string(run.Text.Reverse().ToArray()) : run.Text));
    }
}
