namespace Orleans.Render.Models;

/// <summary>
/// What a render unit produces: a frame range, the whole movie's sound, an output joined from stored units, or a
/// stream piece (a frame range with its slice of the stored sound, in a streaming container).
/// </summary>
[GenerateSerializer, Alias("render.v1.SegmentKind")]
public enum SegmentKind
{
    Frames,
    Sound,
    Join,
    Piece,
}
