using Orleans.Render.Models;

namespace Orleans.Render.Grains.State;

/// <summary>A pool's outputs waiting (in arrival order) and running.</summary>
[GenerateSerializer, Alias("render.v1.RenderQueueState")]
public sealed class RenderQueueState
{
    [Id(0)] public List<QueueEntry> Waiting { get; set; } = [];

    [Id(1)] public List<QueueEntry> Running { get; set; } = [];
}
