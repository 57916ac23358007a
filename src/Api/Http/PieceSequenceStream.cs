using Orleans.Render.Storage;

namespace Orleans.Render.Api.Http;

/// <summary>A byte range of a stored object: <see cref="Length"/> bytes from <see cref="Offset"/>.</summary>
public sealed record StoredRange(string Key, long Offset, long Length);

/// <summary>
/// Stored byte ranges read one after another as one seekable, read-only stream, so stream pieces (a header, then each
/// piece's media) are served as one file with ranges without being copied into one object first.
/// </summary>
public sealed class PieceSequenceStream(IMediaStore media, IReadOnlyList<StoredRange> ranges) : Stream
{
    private readonly long length = ranges.Sum(r => r.Length);
    private Stream? open;
    private int openIndex = -1;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var (index, start) = Locate(position);
        if (index < 0 || buffer.Length == 0)
        {
            return 0;
        }

        var range = ranges[index];
        var within = position - start;
        if (openIndex != index)
        {
            await CloseOpenAsync();
            open = await media.OpenReadAsync(range.Key, cancellationToken);
            openIndex = index;
            await SkipAsync(open, range.Offset + within, cancellationToken);
        }
        else if (open!.CanSeek && open.Position != range.Offset + within)
        {
            open.Position = range.Offset + within;
        }

        var read = await open!.ReadAsync(buffer[..(int)Math.Min(buffer.Length, range.Length - within)], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"Stored object {range.Key} is shorter than recorded.");
        }

        position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await CloseOpenAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            open?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The range holding byte <paramref name="at"/> and where it starts in the sequence; -1 past the end.</summary>
    private (int Index, long Start) Locate(long at)
    {
        var start = 0L;
        for (var i = 0; i < ranges.Count; i++)
        {
            if (at < start + ranges[i].Length)
            {
                return (i, start);
            }

            start += ranges[i].Length;
        }

        return (-1, start);
    }

    private static async Task SkipAsync(Stream stream, long bytes, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            stream.Position = bytes;
            return;
        }

        var scratch = new byte[81920];
        while (bytes > 0)
        {
            var read = await stream.ReadAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, bytes)), cancellationToken);
            bytes -= read > 0 ? read : throw new IOException("A stored object ended before the piece it holds.");
        }
    }

    private async Task CloseOpenAsync()
    {
        if (open is not null)
        {
            await open.DisposeAsync();
            (open, openIndex) = (null, -1);
        }
    }
}
