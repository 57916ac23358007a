using Orleans.Concurrency;
using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>
/// One token's output as a stream of pieces (key = <c>{token}/{extension}</c>, extension <c>mp4</c> or <c>webm</c>):
/// what <c>get</c> and <c>play</c> send progressively and what HLS and DASH list. Pieces are render units: rendered on
/// demand when a viewer asks, a few ahead of the viewer, shared by every viewer and every token with identical work.
/// </summary>
[Alias("render.v1.IOutputStreamGrain")]
public interface IOutputStreamGrain : IGrainWithStringKey
{
    /// <summary>The pieces and their lengths (known once the movie is bound), or why the token has no such stream.</summary>
    [Alias("layout")]
    Task<StreamLayout> GetLayoutAsync();

    /// <summary>
    /// The stored piece <paramref name="index"/>, rendered first if it is not stored, ahead of other work on its silo;
    /// then starts rendering the pieces after it (how many depends on <paramref name="mode"/>). <paramref name="viewer"/>
    /// names the request that asks (empty: nobody watches, e.g. a prefetch); a viewer counts as watching the stream
    /// until <see cref="LeaveAsync"/>, and a cancelled call is its leaving.
    /// </summary>
    [Alias("piece"), ResponseTimeout("00:30:00")]
    Task<SegmentResult> GetPieceAsync(int index, StreamMode mode, string viewer, CancellationToken cancellationToken);

    /// <summary>
    /// The viewer's request ended; when it was <paramref name="abandoned"/> (the client went away) and nobody else
    /// watches, the pieces still rendering are cancelled.
    /// </summary>
    [Alias("leave"), OneWay]
    Task LeaveAsync(string viewer, bool abandoned);

    /// <summary>The token was deleted or expired: cancels every render and ends the viewers' waits.</summary>
    [Alias("close"), OneWay]
    Task CloseAsync();
}
