namespace Orleans.Render.Models;

/// <summary>
/// A stream's pieces as planned after bind: the frames of each piece in order at <see cref="FpsNumerator"/> /
/// <see cref="FpsDenominator"/> frames per second (30000/1001 for NTSC), the picture size,
/// whether it has sound, and whether every piece is stored (<see cref="Complete"/>); or the error that prevents it.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.StreamLayout")]
public sealed record StreamLayout(
    [property: Id(0)] IReadOnlyList<int> PieceFrames,
    [property: Id(1)] int FpsNumerator,
    [property: Id(2)] int Width,
    [property: Id(3)] int Height,
    [property: Id(4)] bool HasSound,
    [property: Id(5)] bool Complete,
    [property: Id(6)] string? ErrorCode = null,
    [property: Id(7)] string? Message = null,
    [property: Id(8)] bool IsInputError = false,
    [property: Id(9)] int FpsDenominator = 1)
{
    public bool Succeeded => ErrorCode is null;

    public int TotalFrames => PieceFrames.Sum();

    /// <summary>How long <paramref name="frames"/> frames last, in seconds.</summary>
    public double Seconds(int frames) => frames * (double)FpsDenominator / FpsNumerator;

    public static StreamLayout Failed(string code, string message, bool isInputError) => new([], 0, 0, 0, false, false, code, message, isInputError);
}
