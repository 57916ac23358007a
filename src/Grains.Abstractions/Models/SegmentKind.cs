namespace Orleans.Render.Models;

/// <summary>What a render unit produces: a frame range, the whole movie's sound, or an output joined from stored units.</summary>
[GenerateSerializer, Alias("render.v1.SegmentKind")]
public enum SegmentKind
{
    Frames,
    Sound,
    Join,
}
