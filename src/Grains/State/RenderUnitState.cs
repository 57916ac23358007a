using Orleans.Render.Models;

namespace Orleans.Render.Grains.State;

/// <summary>A render unit as last recorded: stored (with its file, frames and size), being rendered (attempt N), or failed.</summary>
[GenerateSerializer, Alias("render.v1.RenderUnitState")]
public sealed class RenderUnitState
{
    [Id(0)] public OutputStatus Status { get; set; } = OutputStatus.Pending;

    /// <summary>Where the unit is stored; null for a stored unit that has no file (the sound of a silent movie).</summary>
    [Id(1)] public string? MediaKey { get; set; }

    [Id(2)] public int Frames { get; set; }

    [Id(3)] public long Bytes { get; set; }

    /// <summary>Attempts of the render under way (or of the one that stored the unit); reset when a render fails for good.</summary>
    [Id(4)] public int Attempts { get; set; }

    [Id(5)] public string? Silo { get; set; }

    [Id(6)] public string? LastError { get; set; }

    [Id(7)] public DateTimeOffset StoredAt { get; set; }

    /// <summary>The key of the <c>SegmentRendererGrain</c> of the attempt under way (or that stored the unit).</summary>
    [Id(8)] public string? Renderer { get; set; }

    /// <summary>For a stream piece: the length of the header at the start of its file.</summary>
    [Id(9)] public int HeaderBytes { get; set; }
}
