using Orleans.Render.Models;

namespace Orleans.Render.Grains.State;

/// <summary>One frame range of an output as last recorded; its unit outlives the job, so a resumed job reuses what was finished.</summary>
[GenerateSerializer, Alias("render.v1.SegmentState")]
public sealed class SegmentState
{
    [Id(0)] public int StartFrame { get; set; }

    [Id(1)] public int EndFrame { get; set; }

    [Id(2)] public OutputStatus Status { get; set; }

    /// <summary>The content address of the range's render unit.</summary>
    [Id(7)] public string Unit { get; set; } = "";

    [Id(4)] public int Attempts { get; set; }

    [Id(5)] public string? Silo { get; set; }

    [Id(6)] public string? LastError { get; set; }
}
