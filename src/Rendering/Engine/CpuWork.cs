namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Where the engine's CPU-heavy steps run (parsing and binding a movie, laying out text, rasterising, normalising
/// images): on the thread pool, never on the caller's scheduler, which in a silo is a grain's, and at most
/// <c>workers</c> at once. A huge text layout then occupies one worker; grain calls keep the remaining threads.
/// </summary>
public sealed class CpuWork(int workers) : IDisposable
{
    private readonly SemaphoreSlim slots = new(workers, workers);
    private int running;

    /// <summary>Steps running now (waiting ones excluded).</summary>
    public int Running => Volatile.Read(ref running);

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref running);
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref running);
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
