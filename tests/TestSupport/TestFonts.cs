using System.Text;

namespace Orleans.Render.TestSupport;

/// <summary>Font files that are not installed on the machine, so a test can tell a project font from the system's.</summary>
public static class TestFonts
{
    public const string MonoSource = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";

    /// <summary>
    /// DejaVu Sans Mono with its family renamed in the name table to <paramref name="family"/> (exactly 16 characters,
    /// the length of "DejaVu Sans Mono", so no offsets move). Monospaced, so it lays out visibly wider than DejaVu Sans.
    /// </summary>
    public static byte[] RenamedMono(string family)
    {
        const string original = "DejaVu Sans Mono";
        if (family.Length != original.Length)
        {
            throw new ArgumentException($"The family must have {original.Length} characters.", nameof(family));
        }

        var bytes = File.ReadAllBytes(MonoSource);
        Replace(bytes, Encoding.BigEndianUnicode.GetBytes(original), Encoding.BigEndianUnicode.GetBytes(family));
        Replace(bytes, Encoding.ASCII.GetBytes(original), Encoding.ASCII.GetBytes(family));
        return bytes;
    }

    private static void Replace(byte[] bytes, byte[] from, byte[] to)
    {
        for (var i = bytes.AsSpan().IndexOf(from); i >= 0;)
        {
            to.CopyTo(bytes, i);
            var next = bytes.AsSpan(i + from.Length).IndexOf(from);
            i = next < 0 ? -1 : i + from.Length + next;
        }
    }
}
