using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Orleans.Render.TestSupport;

public static class TestImages
{
    public static byte[] SolidPng(int width, int height, Rgba32 color)
    {
        using var image = new Image<Rgba32>(width, height, color);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>A landscape JPEG whose EXIF orientation (6 = rotate 90° clockwise) makes it portrait when displayed.</summary>
    public static byte[] RotatedJpeg(int storedWidth, int storedHeight)
    {
        using var image = new Image<Rgba32>(storedWidth, storedHeight, new Rgba32(0, 0, 255));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 });
        return stream.ToArray();
    }

    /// <summary>
    /// A 1x1 PNG whose IHDR claims <paramref name="width"/> x <paramref name="height"/>. Only its header is consistent,
    /// so the pixel limit can only reject it with "image_too_large" if it looks before decoding.
    /// </summary>
    public static byte[] PngWithClaimedSize(int width, int height)
    {
        var png = SolidPng(1, 1, new Rgba32(0, 255, 0));
        // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height, then the IHDR CRC at 29.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    public static Image<Rgba32> Load(byte[] png) => Image.Load<Rgba32>(png);

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
