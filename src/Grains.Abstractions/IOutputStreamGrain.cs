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
    /// starts rendering the pieces after it (how many depends on <paramref name="mode"/>). A viewer that leaves cancels
    /// the call, and with it the renders nobody else waits for.
    /// </summary>
    [Alias("piece"), ResponseTimeout("00:30:00")]
    Task<SegmentResult> GetPieceAsync(int index, StreamMode mode, CancellationToken cancellationToken);

    /// <summary>The token was deleted or expired: cancels every render and ends the viewers' waits.</summary>
    [Alias("close"), OneWay]
    Task CloseAsync();
}
