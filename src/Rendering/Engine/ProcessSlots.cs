namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// A counting semaphore for ffmpeg processes that puts urgent work first: a stream piece a viewer waits for takes the
/// next free slot before anything queued earlier, and while urgent processes run or wait, no other process starts, so
/// the urgent one has the silo's cores to itself (ffmpeg uses every core). Each kind is served in arrival order.
/// </summary>
public sealed class ProcessSlots(int slots)
{
    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> urgent = new();
    private readonly LinkedList<Waiter> normal = new();
    private readonly int total = slots;
    private int free = slots;
    private int urgentRunning;

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
    public async Task<IDisposable> AcquireAsync(bool isUrgent, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(this, isUrgent);
        LinkedListNode<Waiter> node;
        lock (gate)
        {
            if (CanStart(isUrgent))
            {
                Start(waiter);
                return waiter;
            }

            node = (isUrgent ? urgent : normal).AddLast(waiter);
        }

        await using var registration = cancellationToken.Register(() => Withdraw(node));
        await waiter.Granted.Task;
        return waiter;
    }

    private bool CanStart(bool isUrgent) => free > 0 && (isUrgent ? urgent.Count == 0 : urgentRunning == 0 && urgent.Count == 0 && normal.Count == 0);

    private void Start(Waiter waiter)
    {
        free--;
        urgentRunning += waiter.IsUrgent ? 1 : 0;
    }

    private void Release(Waiter waiter)
    {
        var granted = new List<Waiter>();
        lock (gate)
        {
            free++;
            urgentRunning -= waiter.IsUrgent ? 1 : 0;
            while (free > 0 && (urgent.First ?? (urgentRunning == 0 ? normal.First : null)) is { } next)
            {
                next.List!.Remove(next);
                Start(next.Value);
                granted.Add(next.Value);
            }
        }

        foreach (var next in granted)
        {
            next.Granted.SetResult();
        }
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

    private sealed class Waiter(ProcessSlots slots, bool isUrgent) : IDisposable
    {
        private int released;

        public bool IsUrgent { get; } = isUrgent;

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
