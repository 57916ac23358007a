namespace Orleans.Render.Rendering.Compilation;

/// <summary>Frames <c>[Start, End)</c> of a movie: the whole movie, one segment of it, or a single still frame.</summary>
public readonly record struct FrameRange(int Start, int End)
{
    public int Count => End - Start;

    public bool Overlaps(int start, int end) => start < End && end > Start;
}
