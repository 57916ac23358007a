using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Grains;

/// <summary>Bound from <c>Render:Streaming</c>: how long stream pieces are and how far ahead of a viewer they render.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Render:Streaming";

    /// <summary>The first piece's length: short, so a viewer's first bytes come soon.</summary>
    [Range(0.1, 30)]
    public double FirstPieceSeconds { get; set; } = 0.3;

    /// <summary>Every later piece's length (HLS and DASH segments); cuts move to a scene cut within a quarter of it.</summary>
    [Range(0.2, 30)]
    public double PieceSeconds { get; set; } = 2;

    /// <summary>Pieces rendered ahead of the one a <c>play</c> viewer asks for.</summary>
    [Range(0, 100)]
    public int PlayLookahead { get; set; } = 2;

    /// <summary>Pieces rendered ahead of the one a <c>get</c> viewer or an HLS/DASH player asks for, side by side on the pool's silos.</summary>
    [Range(0, 1000)]
    public int GetLookahead { get; set; } = 6;
}
