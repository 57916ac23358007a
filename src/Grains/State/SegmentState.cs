using Orleans.Render.Models;

namespace Orleans.Render.Grains.State;

/// <summary>One frame range of an output as last recorded; a finished segment is reused when a job resumes.</summary>
[GenerateSerializer, Alias("render.v1.SegmentState")]
public sealed class SegmentState
{
    [Id(0)] public int StartFrame { get; set; }

    [Id(1)] public int EndFrame { get; set; }

    [Id(2)] public OutputStatus Status { get; set; }

    [Id(3)] public string MediaKey { get; set; } = "";

    [Id(4)] public int Attempts { get; set; }

    [Id(5)] public string? Silo { get; set; }

    [Id(6)] public string? LastError { get; set; }
}
