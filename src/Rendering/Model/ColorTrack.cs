namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A solid's or a text's colour over time (colour keyframes): each channel a curve in scene frames, 0–255, eased like
/// any keyframed number.
/// </summary>
public sealed record ColorTrack(Curve Red, Curve Green, Curve Blue, Curve Alpha)
{
    public RgbaColor At(int frame) => new(Channel(Red, frame), Channel(Green, frame), Channel(Blue, frame), Channel(Alpha, frame));

    private static byte Channel(Curve curve, int frame) => (byte)Math.Clamp(Math.Round(curve.ValueAt(frame)), 0, 255);
}
