namespace Orleans.Render.Models;

/// <summary>
/// What a segment render produced: the frames written, or why it failed. Failures travel as data rather than
/// exceptions so the error code and the caller-or-system distinction survive the grain call.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.SegmentResult")]
public sealed record SegmentResult(
    [property: Id(0)] int Frames,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] bool IsInputError = false,
    [property: Id(4)] string? Silo = null)
{
    public bool Succeeded => ErrorCode is null;
}
