using System.Buffers.Binary;

namespace Orleans.Render.Api.Http;

/// <summary>
/// One track of a fragmented MP4 stream piece, cut out of the muxed piece: DASH players (dash.js, ffmpeg) take video
/// and sound as separate representations, while progressive files and HLS take them muxed. The init keeps only the
/// track's <c>trak</c> and <c>trex</c>; each fragment keeps only the track's <c>traf</c> and the bytes its runs point
/// at, in a new <c>mdat</c>, with the runs' data offsets moved to match (pieces use <c>default-base-is-moof</c>).
/// </summary>
public static class Fmp4Track
{
    public const uint Video = 1, Sound = 2;

    public static byte[] Init(ReadOnlySpan<byte> init, uint track)
    {
        using var output = new MemoryStream();
        foreach (var box in Boxes(init))
        {
            if (box.Type != "moov")
            {
                output.Write(init.Slice(box.Start, box.Size));
                continue;
            }

            var children = new MemoryStream();
            foreach (var child in Boxes(init.Slice(box.Start + 8, box.Size - 8)))
            {
                var bytes = init.Slice(box.Start + 8 + child.Start, child.Size);
                if (child.Type == "trak" && TrakId(bytes) != track)
                {
                    continue;
                }

                if (child.Type == "mvex")
                {
                    var trexes = new MemoryStream();
                    foreach (var trex in Boxes(bytes[8..]))
                    {
                        if (trex.Type != "trex" || BinaryPrimitives.ReadUInt32BigEndian(bytes[(8 + trex.Start + 12)..]) == track)
                        {
                            trexes.Write(bytes.Slice(8 + trex.Start, trex.Size));
                        }
                    }

                    WriteBox(children, "mvex", trexes.ToArray());
                    continue;
                }

                children.Write(bytes);
            }

            WriteBox(output, "moov", children.ToArray());
        }

        return output.ToArray();
    }

    public static byte[] Media(ReadOnlySpan<byte> media, uint track)
    {
        using var output = new MemoryStream();
        foreach (var box in Boxes(media).Where(b => b.Type == "moof"))
        {
            var moof = media.Slice(box.Start, box.Size);
            var kept = new MemoryStream();
            var (traf, trafAt) = ((byte[]?)null, 0);
            foreach (var child in Boxes(moof[8..]))
            {
                var bytes = moof.Slice(8 + child.Start, child.Size);
                if (child.Type == "traf")
                {
                    if (TrafId(bytes) != track)
                    {
                        continue;
                    }

                    (traf, trafAt) = (bytes.ToArray(), (int)kept.Length);
                }

                kept.Write(bytes);
            }

            if (traf is null)
            {
                continue;
            }

            var body = kept.ToArray();
            var data = new MemoryStream();
            foreach (var (field, offset, length) in Runs(traf))
            {
                // Data offsets count from the moof's first byte: its header, its children, then the mdat's header.
                BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(trafAt + field), 8 + body.Length + 8 + (int)data.Length);
                data.Write(media.Slice(box.Start + offset, length));
            }

            WriteBox(output, "moof", body);
            WriteBox(output, "mdat", data.ToArray());
        }

        return output.ToArray();
    }

    /// <summary>Each <c>trun</c> of a <c>traf</c>: where its data-offset field is (from the traf's start), and the bytes it points at (from the moof's start).</summary>
    private static List<(int Field, int Offset, int Length)> Runs(byte[] traf)
    {
        var tfhd = Boxes(traf.AsSpan(8)).First(b => b.Type == "tfhd");
        var tfhdFlags = BinaryPrimitives.ReadUInt32BigEndian(traf.AsSpan(8 + tfhd.Start + 8)) & 0xFFFFFF;
        if ((tfhdFlags & 0x1) != 0)
        {
            throw new InvalidDataException("The piece uses an explicit base data offset; pieces are written with default-base-is-moof.");
        }

        var cursor = 8 + tfhd.Start + 16 + ((tfhdFlags & 0x2) != 0 ? 4 : 0) + ((tfhdFlags & 0x8) != 0 ? 4 : 0);
        var defaultSize = (tfhdFlags & 0x10) != 0 ? BinaryPrimitives.ReadInt32BigEndian(traf.AsSpan(cursor)) : 0;
        var runs = new List<(int, int, int)>();
        foreach (var trun in Boxes(traf.AsSpan(8)).Where(b => b.Type == "trun"))
        {
            var at = 8 + trun.Start;
            var flags = BinaryPrimitives.ReadUInt32BigEndian(traf.AsSpan(at + 8)) & 0xFFFFFF;
            var count = BinaryPrimitives.ReadInt32BigEndian(traf.AsSpan(at + 12));
            if ((flags & 0x1) == 0)
            {
                throw new InvalidDataException("A track run has no data offset.");
            }

            var offset = BinaryPrimitives.ReadInt32BigEndian(traf.AsSpan(at + 16));
            var sample = at + 20 + ((flags & 0x4) != 0 ? 4 : 0);
            var length = 0;
            for (var s = 0; s < count; s++)
            {
                sample += (flags & 0x100) != 0 ? 4 : 0;
                length += (flags & 0x200) != 0 ? BinaryPrimitives.ReadInt32BigEndian(traf.AsSpan(sample)) : defaultSize;
                sample += ((flags & 0x200) != 0 ? 4 : 0) + ((flags & 0x400) != 0 ? 4 : 0) + ((flags & 0x800) != 0 ? 4 : 0);
            }

            runs.Add((at + 16, offset, length));
        }

        return runs;
    }

    private static uint TrakId(ReadOnlySpan<byte> trak)
    {
        var tkhd = Boxes(trak[8..]).First(b => b.Type == "tkhd");
        var version = 8 + tkhd.Start + 8;
        return BinaryPrimitives.ReadUInt32BigEndian(trak[(version + (trak[version] == 1 ? 20 : 12))..]);
    }

    private static uint TrafId(ReadOnlySpan<byte> traf)
    {
        var tfhd = Boxes(traf[8..]).First(b => b.Type == "tfhd");
        return BinaryPrimitives.ReadUInt32BigEndian(traf[(8 + tfhd.Start + 12)..]);
    }

    private static void WriteBox(Stream output, string type, ReadOnlySpan<byte> body)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, 8 + body.Length);
        System.Text.Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(body);
    }

    private readonly record struct Box(string Type, int Start, int Size);

    private static List<Box> Boxes(ReadOnlySpan<byte> bytes)
    {
        var boxes = new List<Box>();
        for (var offset = 0; offset + 8 <= bytes.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);
            if (size < 8 || offset + size > bytes.Length)
            {
                throw new InvalidDataException($"A broken box at byte {offset} of a stream piece.");
            }

            boxes.Add(new Box(System.Text.Encoding.ASCII.GetString(bytes.Slice(offset + 4, 4)), offset, size));
            offset += size;
        }

        return boxes;
    }
}
