namespace Orleans.Render.Grains;

/// <summary>
/// Persists a reentrant grain's state with as few writes as correctness allows: a caller that changed the state awaits
/// a write that starts after its change. While one write runs, every caller that arrives joins the single next write,
/// so a burst of N changes costs two writes, not N. Used only from the grain's own scheduler.
/// </summary>
internal sealed class CoalescingWriter(Func<Task> write)
{
    private Task running = Task.CompletedTask;
    private Task? next;

    public Task WriteAsync() => next ??= WriteAfterAsync(running);

    private async Task WriteAfterAsync(Task previous)
    {
        // Returns to the caller first, so 'next' is this task before it is read below.
        await Task.Yield();
        try
        {
            await previous;
        }
        catch
        {
            // The callers of the previous write saw its failure; this write stands on its own.
        }

        running = next!;
        next = null;
        await write();
    }
}
