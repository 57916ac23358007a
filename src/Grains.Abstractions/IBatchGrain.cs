using Orleans.Render.Models.Batches;

namespace Orleans.Render;

/// <summary>
/// One batch (key = the batch id): render tasks added in any number of calls, run as render tokens through a bounded
/// window of tasks in flight, its state persisted so that it resumes on another silo, and cancellable as a whole.
/// </summary>
[Alias("render.v1.IBatchGrain")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Creates the batch (a second call changes nothing) and returns its facts.</summary>
    [Alias("create")]
    Task<BatchInfo> CreateAsync(BatchSettings settings);

    /// <summary>Adds tasks and the documents of the movies they name (snapshotted, as a token does); refused once the batch has ended.</summary>
    [Alias("add-tasks")]
    Task<BatchUpdate> AddTasksAsync(IReadOnlyList<BatchTask> tasks, IReadOnlyDictionary<string, string> movies);

    /// <summary>Starts running the tasks; a running or ended batch is left as it is.</summary>
    [Alias("run")]
    Task<BatchUpdate> RunAsync();

    /// <summary>Cancels every task not yet finished: queued ones never start, running ones have their tokens deleted.</summary>
    [Alias("cancel")]
    Task<BatchUpdate> CancelAsync();

    /// <summary>The batch's facts and counts, or null when there is no such batch.</summary>
    [Alias("info")]
    Task<BatchInfo?> GetInfoAsync();

    /// <summary>The results of tasks <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> in the order they were added, or null when there is no such batch.</summary>
    [Alias("results")]
    Task<BatchResultsPage?> GetResultsAsync(int offset, int limit);
}
