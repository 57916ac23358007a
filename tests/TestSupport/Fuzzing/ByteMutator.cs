namespace Orleans.Render.TestSupport.Fuzzing;

/// <summary>Byte-level damage to a text document: invalid UTF-8, encoded surrogates, NULs, cuts and repeats.</summary>
public static class ByteMutator
{
    private static readonly byte[][] Fragments =
    [
        [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00], [0xEF, 0xBB, 0xBF], [0x1B],
    ];

    public static byte[] Mutate(byte[] bytes, Random random)
    {
        var result = new List<byte>(bytes);
        for (var i = random.Next(1, 4); i > 0 && result.Count > 0; i--)
        {
            var at = random.Next(result.Count);
            switch (random.Next(5))
            {
                case 0:
                    result.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    result[at] = (byte)random.Next(256);
                    break;
                case 2:
                    result.RemoveRange(at, Math.Min(random.Next(1, 16), result.Count - at));
                    break;
                case 3:
                    result.RemoveRange(at, result.Count - at);
                    break;
                default:
                    result.InsertRange(at, result.GetRange(at, Math.Min(random.Next(1, 64), result.Count - at)));
                    break;
            }
        }

        return [.. result];
    }
}
