using System.Buffers.Binary;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Rewrites a stream piece as ffmpeg wrote it into <c>header + media</c>, so that the header of any piece followed by
/// the media of every piece in order is one playable file (see <see cref="Planning.StreamPlan"/>):
/// <list type="bullet">
/// <item>fragmented MP4: header = <c>ftyp</c> + <c>moov</c> (the init segment of HLS and DASH), media = the
/// <c>moof</c>/<c>mdat</c> pairs; the trailing <c>mfra</c> index, which only describes the piece, is dropped;</item>
/// <item>WebM: header = the EBML header, a Segment of unknown size (it grows as pieces follow), Info with the whole
/// movie's duration, and Tracks; media = the Clusters (their timecodes are the movie's); SeekHead, Cues and Tags,
/// which describe the piece alone, are dropped.</item>
/// </list>
/// </summary>
public static class StreamPieceFile
{
    private const uint EbmlHeader = 0x1A45DFA3, Segment = 0x18538067, Info = 0x1549A966, Tracks = 0x1654AE6B, Cluster = 0x1F43B675;
    private const uint Duration = 0x4489;

    /// <summary>Rewrites <paramref name="source"/> into <paramref name="target"/>; returns the header's length in bytes.</summary>
    public static async Task<int> RewriteAsync(string source, string target, OutputFormat format, double movieSeconds, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(source, cancellationToken);
        var (header, media) = format == OutputFormat.Mp4 ? SplitMp4(bytes) : SplitWebm(bytes, movieSeconds);
        await using var output = File.Create(target);
        foreach (var part in header.Concat(media))
        {
            await output.WriteAsync(part, cancellationToken);
        }

        return header.Sum(p => p.Length);
    }

    private static (List<ReadOnlyMemory<byte>> Header, List<ReadOnlyMemory<byte>> Media) SplitMp4(byte[] bytes)
    {
        var (header, media) = (new List<ReadOnlyMemory<byte>>(), new List<ReadOnlyMemory<byte>>());
        for (var offset = 0; offset < bytes.Length;)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            size = size switch
            {
                1 => (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(offset + 8)),
                0 => bytes.Length - offset,
                _ => size,
            };
            if (size < 8 || offset + size > bytes.Length)
            {
                throw new InvalidDataException($"The piece has a broken '{type}' box at byte {offset}.");
            }

            var box = bytes.AsMemory(offset, (int)size);
            if (type is "ftyp" or "moov")
            {
                header.Add(box);
            }
            else if (type is "moof" or "mdat")
            {
                media.Add(box);
            }

            offset += (int)size;
        }

        return (header, media);
    }

    private static (List<ReadOnlyMemory<byte>> Header, List<ReadOnlyMemory<byte>> Media) SplitWebm(byte[] bytes, double movieSeconds)
    {
        var (header, media) = (new List<ReadOnlyMemory<byte>>(), new List<ReadOnlyMemory<byte>>());
        foreach (var top in Elements(bytes, 0, bytes.Length))
        {
            if (top.Id == EbmlHeader)
            {
                header.Add(bytes.AsMemory(top.Start, top.End - top.Start));
            }
            else if (top.Id == Segment)
            {
                // An unknown size (all ones): the segment goes on as long as pieces follow.
                header.Add(new byte[] { 0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF });
                var children = Elements(bytes, top.DataStart, top.End).ToList();
                foreach (var child in children.Where(c => c.Id == Info))
                {
                    header.Add(InfoWithDuration(bytes, child, movieSeconds));
                }

                header.AddRange(children.Where(c => c.Id == Tracks).Select(c => (ReadOnlyMemory<byte>)bytes.AsMemory(c.Start, c.End - c.Start)));
                media.AddRange(children.Where(c => c.Id == Cluster).Select(c => (ReadOnlyMemory<byte>)bytes.AsMemory(c.Start, c.End - c.Start)));
            }
        }

        return (header, media);
    }

    /// <summary>The piece's Info with its Duration (in TimecodeScale units: ffmpeg writes milliseconds) set to the whole movie's.</summary>
    private static byte[] InfoWithDuration(byte[] bytes, Element info, double movieSeconds)
    {
        using var body = new MemoryStream();
        foreach (var child in Elements(bytes, info.DataStart, info.End).Where(c => c.Id != Duration))
        {
            body.Write(bytes, child.Start, child.End - child.Start);
        }

        Span<byte> duration = stackalloc byte[11];
        duration[0] = 0x44;
        duration[1] = 0x89;
        duration[2] = 0x88;
        BinaryPrimitives.WriteDoubleBigEndian(duration[3..], movieSeconds * 1000);
        body.Write(duration);
        // Info's ID, then its size as an 8-byte EBML number, then the children.
        var element = new byte[12 + body.Length];
        ((ReadOnlySpan<byte>)[0x15, 0x49, 0xA9, 0x66]).CopyTo(element);
        BinaryPrimitives.WriteUInt64BigEndian(element.AsSpan(4), 0x0100000000000000UL | (ulong)body.Length);
        body.ToArray().CopyTo(element, 12);
        return element;
    }

    private readonly record struct Element(uint Id, int Start, int DataStart, int End);

    private static IEnumerable<Element> Elements(byte[] bytes, int offset, int end)
    {
        while (offset < end)
        {
            var (id, idLength) = ReadVint(bytes, offset, keepMarker: true);
            var (size, sizeLength) = ReadVint(bytes, offset + idLength, keepMarker: false);
            var dataStart = offset + idLength + sizeLength;
            var unknown = size == (1UL << (7 * sizeLength)) - 1;
            var elementEnd = unknown ? end : dataStart + (long)size;
            if (elementEnd > end)
            {
                throw new InvalidDataException($"The piece has a broken element 0x{id:X} at byte {offset}.");
            }

            yield return new Element((uint)id, offset, dataStart, (int)elementEnd);
            offset = (int)elementEnd;
        }
    }

    private static (ulong Value, int Length) ReadVint(byte[] bytes, int offset, bool keepMarker)
    {
        var first = bytes[offset];
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;
        if (length is < 1 or > 8)
        {
            throw new InvalidDataException($"The piece has a broken EBML number at byte {offset}.");
        }

        ulong value = keepMarker ? first : (ulong)(first & (0xFF >> length));
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | bytes[offset + i];
        }

        return (value, length);
    }
}
