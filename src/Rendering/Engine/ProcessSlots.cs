namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Counting semaphores for ffmpeg processes by <see cref="ProcessPriority"/>: urgent runs (a stream piece a viewer waits
/// for) have slots of their own, so they never wait behind a long render; normal and background runs share the other
/// slots, normal ones first, each kind in arrival order.
/// </summary>
public sealed class ProcessSlots(int slots)
{
    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> urgent = new();
    private readonly LinkedList<Waiter> normal = new();
    private readonly LinkedList<Waiter> background = new();
    private readonly int total = slots;
    private int free = slots;
    private int urgentFree = slots;

    /// <summary>Normal and background runs now (urgent ones have slots of their own).</summary>
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

    /// <summary>Waits for a slot; dispose the answer to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(ProcessPriority priority, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(this, priority);
        LinkedListNode<Waiter> node;
        lock (gate)
        {
            // Slots are handed to waiters directly, so a free slot means nobody of that kind waits.
            if (priority == ProcessPriority.Urgent ? urgentFree > 0 : free > 0)
            {
                Take(waiter);
                return waiter;
            }

            node = QueueOf(priority).AddLast(waiter);
        }

        await using var registration = cancellationToken.Register(() => Withdraw(node));
        await waiter.Granted.Task;
        return waiter;
    }

    private LinkedList<Waiter> QueueOf(ProcessPriority priority) => priority switch
    {
        ProcessPriority.Urgent => urgent,
        ProcessPriority.Normal => normal,
        _ => background,
    };

    private void Take(Waiter waiter)
    {
        if (waiter.Priority == ProcessPriority.Urgent)
        {
            urgentFree--;
        }
        else
        {
            free--;
        }
    }

    private void Release(Waiter waiter)
    {
        Waiter? next;
        lock (gate)
        {
            var queue = waiter.Priority == ProcessPriority.Urgent ? urgent : normal.Count > 0 ? normal : background;
            next = queue.First?.Value;
            if (next is null)
            {
                if (waiter.Priority == ProcessPriority.Urgent)
                {
                    urgentFree++;
                }
                else
                {
                    free++;
                }

                return;
            }

            queue.RemoveFirst();
        }

        next.Granted.SetResult();
    }

    /// <summary>A cancelled waiter leaves its queue; one handed a slot at that moment keeps it (its caller gives it back).</summary>
    private void Withdraw(LinkedListNode<Waiter> node)
    {
        lock (gate)
        {
            if (node.List is null)
            {
                return;
            }

            node.List.Remove(node);
        }

        node.Value.Granted.TrySetCanceled();
    }

    private sealed class Waiter(ProcessSlots slots, ProcessPriority priority) : IDisposable
    {
        private int released;

        public ProcessPriority Priority { get; } = priority;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release(this);
            }
        }
    }
}
