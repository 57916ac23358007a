namespace Orleans.Render.Models;

/// <summary>
/// What a render unit produced: the frames written and where the file is stored (<see cref="MediaKey"/>, null for a
/// unit that stores nothing, such as the sound of a silent movie), or why it failed. <see cref="Reused"/> is true when
/// the unit was already in the segment store. Failures travel as data rather than exceptions so the error code and the
/// caller-or-system distinction survive the grain call. <see cref="HeaderBytes"/>: for a stream piece, how many of the
/// stored file's first bytes are its header (the rest is its media).
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.SegmentResult")]
public sealed record SegmentResult(
    [property: Id(0)] int Frames,
    [property: Id(1)] string? ErrorCode = null,
    [property: Id(2)] string? Message = null,
    [property: Id(3)] bool IsInputError = false,
    [property: Id(4)] string? Silo = null,
    [property: Id(5)] string? MediaKey = null,
    [property: Id(6)] bool Reused = false,
    [property: Id(7)] int Attempts = 0,
    [property: Id(8)] int HeaderBytes = 0)
{
    public bool Succeeded => ErrorCode is null;
}
