using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The part of the frame a layer can cover, for work that need not touch the whole frame (a blend mode, a mask): as big
/// as the largest frame the layer can have, even-sized, inside the frame, and following the layer when it moves.
/// <c>Left</c> and <c>Top</c> are expressions: the layer's position clamped into the frame and rounded down to even,
/// which is where <c>crop</c> and a yuv420 <c>overlay</c> round to anyway, so a layer laid on the box at its position
/// minus the corner lands on the pixels an overlay on the whole frame would give it.
/// </summary>
public sealed record LayerBox(int Width, int Height, string Left, string Top)
{
    public static LayerBox Around((string X, string Y) position, (int Width, int Height) largest, (int Width, int Height) frame)
    {
        var (width, height) = (Math.Min(frame.Width, Even(largest.Width)), Math.Min(frame.Height, Even(largest.Height)));
        return new LayerBox(width, height, Corner(position.X, frame.Width - width), Corner(position.Y, frame.Height - height));
    }

    /// <summary>The <c>crop</c> that cuts this box out of a frame.</summary>
    public string Crop => Invariant($"crop=w={Width}:h={Height}:x='{Left}':y='{Top}'");

    /// <summary>A transparent box-sized canvas with <paramref name="frames"/> frames.</summary>
    public string Canvas(Model.FrameRate fps, int frames) =>
        Invariant($"color=c=black@0:s={Width}x{Height}:r={fps},format=yuva420p,trim=end_frame={frames}");

    /// <summary>Where a layer at <paramref name="position"/> on the frame goes on the box.</summary>
    public (string X, string Y) Inside((string X, string Y) position) => ($"{position.X}-{Left}", $"{position.Y}-{Top}");

    private static string Corner(string position, int room) => Invariant($"2*floor(clip({position},0,{room})/2)");

    private static int Even(int size) => size + (size & 1);
}
