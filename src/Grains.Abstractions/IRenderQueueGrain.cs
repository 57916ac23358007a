using Orleans.Render.Models;

namespace Orleans.Render;

/// <summary>
/// The durable queue of one render pool (key = the pool): outputs wait here, in order and fairly between projects, until
/// the pool has room; the queue then admits them to their job. It survives the loss of its silo.
/// </summary>
[Alias("render.v1.IRenderQueueGrain")]
public interface IRenderQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues an output, or refuses it when its project's queue is full; an output already queued or running keeps its place.</summary>
    [Alias("enqueue")]
    Task<QueueTicket> EnqueueAsync(QueueEntry entry);

    /// <summary>The output no longer needs its slot (done, failed or cancelled).</summary>
    [Alias("complete")]
    Task CompleteAsync(string token, string output);

    /// <summary>Drops every entry of a deleted token.</summary>
    [Alias("remove-token")]
    Task RemoveTokenAsync(string token);

    /// <summary>1 for the next output to run, 2 behind it, …; 0 when the output is running or not queued.</summary>
    [Alias("position")]
    Task<int> GetPositionAsync(string token, string output);

    [Alias("snapshot")]
    Task<QueueSnapshot> GetSnapshotAsync();
}
