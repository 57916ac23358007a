using Orleans.Render.Models.Batches;
using Orleans.Storage;

namespace Orleans.Render.Grains.Batches;

/// <summary>
/// A batch's tasks and outcomes, kept in chunks of <see cref="ChunkSize"/> so that a large batch is never rewritten
/// whole: adding tasks writes the chunks they land in, and tasks that end write only their outcome chunks (each a
/// hundred small records), so a batch of n tasks costs O(n) chunk writes, not O(n²) bytes. Records in grain storage
/// beside the batch's own state: <c>batch-movies</c>, <c>batch-tasks-{chunk}</c>, <c>batch-results-{chunk}</c>.
/// Used from the batch grain's scheduler only, one writer at a time.
/// </summary>
internal sealed class BatchStore(IGrainStorage storage, GrainId grain)
{
    public const int ChunkSize = 100;

    private readonly List<GrainState<BatchTaskChunk>> tasks = [];
    private readonly List<GrainState<BatchResultChunk>> results = [];
    private readonly HashSet<int> unsaved = [];
    private GrainState<BatchMovies> movies = new(new BatchMovies());

    public int Completed { get; private set; }

    public int Failed { get; private set; }

    public int Cancelled { get; private set; }

    public IReadOnlyDictionary<string, string> Movies => movies.State!.Movies;

    /// <summary>Reads every chunk of a batch of <paramref name="total"/> tasks; anything past it (an add that failed half-way) is dropped.</summary>
    public async Task LoadAsync(int total)
    {
        movies = await ReadAsync<BatchMovies>("batch-movies");
        var count = ChunksFor(total);
        var taskChunks = await Task.WhenAll(Enumerable.Range(0, count).Select(c => ReadAsync<BatchTaskChunk>(TasksName(c))));
        var resultChunks = await Task.WhenAll(Enumerable.Range(0, count).Select(c => ReadAsync<BatchResultChunk>(ResultsName(c))));
        tasks.AddRange(taskChunks);
        results.AddRange(resultChunks);
        Trim(total);
        for (var index = 0; index < total; index++)
        {
            Count(Outcome(index));
        }
    }

    public BatchTask TaskAt(int index) => tasks[index / ChunkSize].State!.Tasks[index % ChunkSize];

    public BatchOutcome? Outcome(int index)
    {
        var outcomes = results[index / ChunkSize].State!.Outcomes;
        return index % ChunkSize < outcomes.Count ? outcomes[index % ChunkSize] : null;
    }

    /// <summary>Appends tasks after the first <paramref name="total"/> and writes the chunks they land in and the movies.</summary>
    public async Task AddAsync(int total, IReadOnlyList<BatchTask> added, IReadOnlyDictionary<string, string> addedMovies)
    {
        Trim(total);
        var touched = new SortedSet<int>();
        for (var i = 0; i < added.Count; i++)
        {
            var chunk = (total + i) / ChunkSize;
            while (tasks.Count <= chunk)
            {
                tasks.Add(new GrainState<BatchTaskChunk>(new BatchTaskChunk()));
                results.Add(new GrainState<BatchResultChunk>(new BatchResultChunk()));
            }

            tasks[chunk].State!.Tasks.Add(added[i]);
            touched.Add(chunk);
        }

        foreach (var chunk in touched)
        {
            await storage.WriteStateAsync(TasksName(chunk), grain, tasks[chunk]);
        }

        if (addedMovies.Any(m => !movies.State!.Movies.TryGetValue(m.Key, out var known) || known != m.Value))
        {
            foreach (var (name, json) in addedMovies)
            {
                movies.State!.Movies[name] = json;
            }

            await storage.WriteStateAsync("batch-movies", grain, movies);
        }
    }

    /// <summary>Records how a task ended (in memory until <see cref="SaveAsync"/>); a task that has ended already keeps its outcome.</summary>
    public bool Record(int index, BatchOutcome outcome)
    {
        if (Outcome(index) is not null)
        {
            return false;
        }

        var outcomes = results[index / ChunkSize].State!.Outcomes;
        while (outcomes.Count <= index % ChunkSize)
        {
            outcomes.Add(null);
        }

        outcomes[index % ChunkSize] = outcome;
        Count(outcome);
        unsaved.Add(index / ChunkSize);
        return true;
    }

    /// <summary>Writes the outcome chunks changed since the last save.</summary>
    public async Task SaveAsync()
    {
        foreach (var chunk in unsaved.Order().ToList())
        {
            await storage.WriteStateAsync(ResultsName(chunk), grain, results[chunk]);
            unsaved.Remove(chunk);
        }
    }

    private void Trim(int total)
    {
        var count = ChunksFor(total);
        if (tasks.Count > count)
        {
            tasks.RemoveRange(count, tasks.Count - count);
            results.RemoveRange(count, results.Count - count);
        }

        if (total % ChunkSize != 0 && tasks.Count == count && tasks[^1].State!.Tasks.Count > total % ChunkSize)
        {
            tasks[^1].State!.Tasks.RemoveRange(total % ChunkSize, tasks[^1].State!.Tasks.Count - total % ChunkSize);
        }
    }

    private void Count(BatchOutcome? outcome)
    {
        switch (outcome?.Status)
        {
            case BatchTaskStatus.Completed: Completed++; break;
            case BatchTaskStatus.Failed: Failed++; break;
            case BatchTaskStatus.Cancelled: Cancelled++; break;
        }
    }

    private async Task<GrainState<T>> ReadAsync<T>(string name)
        where T : new()
    {
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(name, grain, state);
        return state;
    }

    private static int ChunksFor(int total) => (total + ChunkSize - 1) / ChunkSize;

    private static string TasksName(int chunk) => $"batch-tasks-{chunk}";

    private static string ResultsName(int chunk) => $"batch-results-{chunk}";
}
