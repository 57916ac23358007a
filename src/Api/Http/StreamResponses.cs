using System.Globalization;
using Orleans.Render.Api.Access;
using Orleans.Render.Conventions;
using Orleans.Render.Api.Endpoints;
using Orleans.Render.Models;
using Orleans.Render.Storage;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Answers from a token's stream of pieces (<c>IOutputStreamGrain</c>): progressive <c>get</c>/<c>play</c> files,
/// HLS/DASH playlists and their segments. A progressive file starts as soon as its first piece is stored and goes on
/// piece by piece (chunked, no length); once every piece is stored, or when a range other than from byte 0 is asked
/// for (after waiting for every piece), it is served whole with its length and ranges.
/// </summary>
public sealed class StreamResponses(HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILogger logger)
{
    /// <summary>This request, as the stream grains know it: it watches until the response ends (see <see cref="Watch"/>).</summary>
    private readonly string viewer = Guid.NewGuid().ToString("N");
    private readonly HashSet<string> watched = new(StringComparer.Ordinal);

    private CancellationToken Aborted => http.RequestAborted;

    public static int? PieceIndex(string segment) =>
        segment.EndsWith(".m4s", StringComparison.Ordinal) && segment.Length is > 4 and < 12
        && int.TryParse(segment.AsSpan(0, segment.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    public async Task<IResult> ProgressiveAsync(string token, string extension, StreamMode mode)
    {
        var stream = Stream(token, extension);
        var layout = await retry.ReadAsync(() => stream.GetLayoutAsync(), Aborted);
        if (!layout.Succeeded)
        {
            return Failure(layout.ErrorCode!, layout.Message!, layout.IsInputError);
        }

        var contentType = OutputFormats.TryParse(extension, out var format) ? format.ContentType() : "video/mp4";
        if (layout.Complete || AsksForALaterRange())
        {
            return await WholeAsync(stream, layout, mode, contentType);
        }

        var first = await PieceAsync(stream, 0, mode);
        return first.Succeeded ? new ProgressiveResult(() => SendAsync(token, stream, layout, mode, first, contentType)) : Failure(first);
    }

    public async Task<IResult> PlaylistAsync(string token, string extension, bool waitForAll)
    {
        var stream = Stream(token, "mp4");
        var layout = await retry.ReadAsync(() => stream.GetLayoutAsync(), Aborted);
        if (!layout.Succeeded)
        {
            return Failure(layout.ErrorCode!, layout.Message!, layout.IsInputError);
        }

        if (waitForAll && await AllPiecesAsync(stream, layout, StreamMode.Get) is { Failure: { } failed })
        {
            return failed;
        }

        if (extension == "m3u8")
        {
            // The player asks for the init segment next: have the first pieces under way before it does.
            _ = stream.GetPieceAsync(0, StreamMode.Get, viewer: "", CancellationToken.None);
            return Results.Text(StreamPlaylists.Hls(token, layout, SegmentQuery(token)), StreamPlaylists.HlsContentType);
        }

        // DASH names the codecs, which only the rendered init segment knows.
        var first = await PieceAsync(stream, 0, StreamMode.Get);
        if (!first.Succeeded)
        {
            return Failure(first);
        }

        await using var header = new PieceSequenceStream(media, [new StoredRange(first.MediaKey!, 0, first.HeaderBytes)]);
        var init = new byte[first.HeaderBytes];
        await header.ReadExactlyAsync(init, Aborted);
        return Results.Text(StreamPlaylists.Dash(token, layout, StreamPlaylists.VideoCodec(init), SegmentQuery(token)), StreamPlaylists.DashContentType);
    }

    /// <summary>A playlist served from a signed URL signs its segments' URLs too (<see cref="SignedUrlGrant"/>).</summary>
    private string SegmentQuery(string token) => http.Features.Get<SignedUrlGrant>()?.SegmentQuery(http.Request.Path.Value ?? "", token) ?? "";

    /// <summary>
    /// Segment <paramref name="index"/> of the fMP4 stream's playlists (-1 is the init segment, piece 0's header): muxed for
    /// HLS, or one <paramref name="track"/> of it for DASH.
    /// </summary>
    public async Task<IResult> SegmentAsync(string token, int index, uint? track)
    {
        var piece = await PieceAsync(Stream(token, "mp4"), Math.Max(index, 0), StreamMode.Get);
        if (!piece.Succeeded)
        {
            return Failure(piece);
        }

        var range = index < 0
            ? new StoredRange(piece.MediaKey!, 0, piece.HeaderBytes)
            : (await MediaRangesAsync([piece], headerOf: -1))[0];
        var segment = new PieceSequenceStream(media, [range]);
        if (track is not { } id)
        {
            return Results.File(segment, "video/mp4", enableRangeProcessing: true);
        }

        var bytes = new byte[range.Length];
        await using (segment)
        {
            await segment.ReadExactlyAsync(bytes, Aborted);
        }

        return Results.Bytes(
            index < 0 ? Fmp4Track.Init(bytes, id) : Fmp4Track.Media(bytes, id), id == Fmp4Track.Video ? "video/mp4" : "audio/mp4", enableRangeProcessing: true);
    }

    /// <summary>Every piece, in order (the look-ahead renders them side by side): the complete file with its length and ranges.</summary>
    private async Task<IResult> WholeAsync(IOutputStreamGrain stream, StreamLayout layout, StreamMode mode, string contentType)
    {
        var (pieces, failure) = await AllPiecesAsync(stream, layout, mode);
        if (failure is not null)
        {
            return failure;
        }

        return Results.File(new PieceSequenceStream(media, await MediaRangesAsync(pieces, headerOf: 0)), contentType, enableRangeProcessing: true);
    }

    private async Task<(List<SegmentResult> Pieces, IResult? Failure)> AllPiecesAsync(IOutputStreamGrain stream, StreamLayout layout, StreamMode mode)
    {
        var pieces = new List<SegmentResult>();
        for (var i = 0; i < layout.PieceFrames.Count; i++)
        {
            var piece = await PieceAsync(stream, i, mode);
            if (!piece.Succeeded)
            {
                return (pieces, Failure(piece));
            }

            pieces.Add(piece);
        }

        return (pieces, null);
    }

    /// <summary>Each piece's media range, with piece <paramref name="headerOf"/>'s header in front of its media (-1: none).</summary>
    private async Task<List<StoredRange>> MediaRangesAsync(IReadOnlyList<SegmentResult> pieces, int headerOf)
    {
        var stored = await Task.WhenAll(pieces.Select(p => media.GetAsync(p.MediaKey!, Aborted)));
        return [.. pieces.Select((piece, i) =>
        {
            var length = stored[i]?.Length ?? throw new InvalidOperationException($"Stream piece {piece.MediaKey} is gone from the media store.");
            var from = i == headerOf ? 0 : piece.HeaderBytes;
            return new StoredRange(piece.MediaKey!, from, length - from);
        })];
    }

    private Task<SegmentResult> PieceAsync(IOutputStreamGrain stream, int index, StreamMode mode)
    {
        Watch(stream);
        return retry.RepeatAsync(() => stream.GetPieceAsync(index, mode, viewer, Aborted), Aborted);
    }

    /// <summary>
    /// Tells the stream when this request ends, and whether the client went away first: pieces rendering for nobody
    /// are then cancelled. Said from the response's end rather than through the grain call's cancellation, so it also
    /// holds between two pieces and when a cancellation message is lost.
    /// </summary>
    private void Watch(IOutputStreamGrain stream)
    {
        if (watched.Add(stream.GetPrimaryKeyString()))
        {
            http.Response.OnCompleted(() => stream.LeaveAsync(viewer, abandoned: Aborted.IsCancellationRequested));
        }
    }

    /// <summary>A <c>Range</c> that does not start at byte 0 needs bytes whose offsets are only known once every piece is stored.</summary>
    private bool AsksForALaterRange() =>
        http.Request.Headers.Range.ToString() is { Length: > 0 } range && !range.StartsWith("bytes=0-", StringComparison.Ordinal);

    private IOutputStreamGrain Stream(string token, string extension) =>
        client.GetGrain<IOutputStreamGrain>($"{token}/{extension}");

    private static IResult Failure(SegmentResult piece) => Failure(piece.ErrorCode!, piece.Message ?? "The render failed.", piece.IsInputError);

    private static IResult Failure(string code, string message, bool isInputError) =>
        RenderEndpoints.FailureResult(new OutputResult(OutputStatus.Failed, null, "", code, message, isInputError));

    /// <summary>Sends piece 0 (already stored), then each next piece as soon as it is stored; a piece that fails ends the response without its bytes.</summary>
    private async Task SendAsync(string token, IOutputStreamGrain stream, StreamLayout layout, StreamMode mode, SegmentResult first, string contentType)
    {
        var response = http.Response;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        try
        {
            var piece = first;
            for (var i = 0; ; i++)
            {
                var range = (await MediaRangesAsync([piece], headerOf: i == 0 ? 0 : -1))[0];
                await using (var bytes = new PieceSequenceStream(media, [range]))
                {
                    await bytes.CopyToAsync(response.Body, Aborted);
                }

                await response.Body.FlushAsync(Aborted);
                if (i + 1 == layout.PieceFrames.Count)
                {
                    return;
                }

                piece = await PieceAsync(stream, i + 1, mode);
                if (!piece.Succeeded)
                {
                    // Ending without the last chunk tells the client the file is incomplete; it has whole pieces only.
                    logger.LogWarning("The {Mode} stream of {Token} ends after piece {Index}: {Error}", mode, token, i, piece.Message);
                    http.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (Aborted.IsCancellationRequested)
        {
        }
    }

    private sealed class ProgressiveResult(Func<Task> send) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => send();
    }
}
