namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// A counting semaphore for ffmpeg processes whose waiters are served urgent ones first, each kind in arrival order:
/// a stream piece a viewer is waiting for starts before background renders that queued earlier.
/// </summary>
public sealed class ProcessSlots(int slots)
{
    private readonly Lock gate = new();
    private readonly LinkedList<TaskCompletionSource> urgent = new();
    private readonly LinkedList<TaskCompletionSource> normal = new();
    private readonly int total = slots;
    private int free = slots;

    public int Running
    {
        get
        {
            lock (gate)
            {
                return total - free;
            }
        }
    }

    public async Task WaitAsync(bool isUrgent, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (gate)
        {
            // Slots are handed to waiters directly, so a free slot means nobody waits.
            if (free > 0)
            {
                free--;
                return;
            }

            node = (isUrgent ? urgent : normal).AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        await using var registration = cancellationToken.Register(() => Withdraw(node));
        await node.Value.Task;
    }

    public void Release()
    {
        lock (gate)
        {
            var next = urgent.First ?? normal.First;
            if (next is null)
            {
                free++;
                return;
            }

            next.List!.Remove(next);
            next.Value.SetResult();
        }
    }

    /// <summary>A cancelled waiter leaves its queue; one handed a slot at that moment keeps it (its caller releases it).</summary>
    private void Withdraw(LinkedListNode<TaskCompletionSource> node)
    {
        lock (gate)
        {
            if (node.List is null)
            {
                return;
            }

            node.List.Remove(node);
        }

        node.Value.TrySetCanceled();
    }
}
