using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Models.Batches;
using Orleans.Storage;

namespace Orleans.Render.Grains.Batches;

/// <summary>
/// One batch. While it runs, a loop on the grain's scheduler keeps at most <see cref="BatchState.Window"/> tasks in
/// flight (<see cref="BatchTaskRunner"/>), records each that ends in its outcome chunk (<see cref="BatchStore"/>) and
/// starts the next. Which tasks are in flight is persisted before they start, so an activation after a lost silo or a
/// cluster restart (the reminder brings it back while it has work) starts them again, and they find their tokens. Cancel
/// marks the tasks never started and deletes the tokens of those in flight. Reentrant, so status and results are
/// answered while tasks run; every change and write happens under <see cref="gate"/>, one writer at a time.
/// </summary>
[Reentrant, GrainType("render-batch")]
public sealed partial class BatchGrain(
    [PersistentState("batch", GrainStorage.Name)] IPersistentState<BatchState> state,
    [FromKeyedServices(GrainStorage.Name)] IGrainStorage storage,
    BatchTaskRunner runner,
    IOptions<BatchOptions> batchOptions,
    ILogger<BatchGrain> logger) : Grain, IBatchGrain, IRemindable, IDisposable
{
    private const string KeepRunningReminder = "keep-running";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<int, Task<BatchOutcome>> inFlight = [];
    private readonly CancellationTokenSource deactivating = new();
    private BatchStore store = null!;
    private Task pump = Task.CompletedTask;
    private Task? stopped;
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BatchOptions Options => batchOptions.Value;

    private BatchState Batch => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        store = new BatchStore(storage, this.GetGrainId());
        stopped = Task.Delay(Timeout.Infinite, deactivating.Token);
        if (Batch.Exists)
        {
            await store.LoadAsync(Batch.Total);
            if (Batch.Running.Count > 0 || Batch.Status == BatchStatus.Running)
            {
                logger.LogInformation("Batch {Batch} resumes with {Running} tasks in flight", this.GetPrimaryKeyString(), Batch.Running.Count);
                EnsurePump();
            }
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        deactivating.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        gate.Dispose();
        deactivating.Dispose();
    }

    public async Task<BatchInfo> CreateAsync(BatchSettings settings)
    {
        await gate.WaitAsync();
        try
        {
            if (!Batch.Exists)
            {
                Batch.Settings = settings;
                Batch.Secret = BatchTokens.NewSecret();
                Batch.Window = Math.Clamp(settings.Window ?? Options.DefaultWindow, 1, Options.MaxWindow);
                Batch.CreatedAt = DateTimeOffset.UtcNow;
                await state.WriteOrDeactivateAsync(this);
                logger.LogInformation("Batch {Batch} created for project {Project} in pool {Pool}, window {Window}", this.GetPrimaryKeyString(), settings.Project, settings.Routing, Batch.Window);
            }

            return Info();
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<BatchUpdate> AddTasksAsync(IReadOnlyList<BatchTask> tasks, IReadOnlyDictionary<string, string> movies)
    {
        await gate.WaitAsync();
        try
        {
            if (Refusal() is { } refused)
            {
                return refused;
            }

            if (Batch.Total + tasks.Count > Options.MaxTasks)
            {
                return new BatchUpdate(Info(), "too_many_tasks", $"A batch holds at most {Options.MaxTasks} tasks; this one has {Batch.Total}.");
            }

            await store.AddAsync(Batch.Total, tasks, movies);
            Batch.Total += tasks.Count;
            try
            {
                await state.WriteOrDeactivateAsync(this);
            }
            catch
            {
                // Not stored, so not added: the chunks' extra tasks are dropped by the next add or activation.
                Batch.Total -= tasks.Count;
                throw;
            }

            Wake();
            return new BatchUpdate(Info());
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<BatchUpdate> RunAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!Batch.Exists)
            {
                return Unknown();
            }

            if (Batch.Status == BatchStatus.Pending)
            {
                Batch.Status = BatchStatus.Running;
                await this.RegisterOrUpdateReminder(KeepRunningReminder, Options.ReminderPeriod, Options.ReminderPeriod);
                await state.WriteOrDeactivateAsync(this);
                logger.LogInformation("Batch {Batch} runs {Total} tasks", this.GetPrimaryKeyString(), Batch.Total);
                EnsurePump();
            }

            return new BatchUpdate(Info());
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<BatchUpdate> CancelAsync()
    {
        List<(string Token, BatchTask Task)> running;
        await gate.WaitAsync();
        try
        {
            if (Refusal() is { } refused)
            {
                return refused;
            }

            for (var index = Batch.Next; index < Batch.Total; index++)
            {
                store.Record(index, BatchOutcome.Cancelled);
            }

            Batch.Next = Batch.Total;
            Batch.Status = BatchStatus.Cancelled;
            running = [.. Batch.Running.Select(i => (BatchTokens.Of(Batch.Secret, i), store.TaskAt(i)))];
            if (running.Count == 0)
            {
                Batch.FinishedAt = DateTimeOffset.UtcNow;
            }

            await store.SaveAsync();
            await state.WriteOrDeactivateAsync(this);
            logger.LogInformation("Batch {Batch} cancelled with {Running} tasks in flight", this.GetPrimaryKeyString(), running.Count);
        }
        finally
        {
            gate.Release();
        }

        // The loop records these as they answer (cancelled); it also ends the reminder once none is left.
        await Task.WhenAll(running.Select(r => runner.CancelAsync(r.Token, r.Task)));
        EnsurePump();
        return new BatchUpdate(Info());
    }

    public Task<BatchInfo?> GetInfoAsync() => Task.FromResult(Batch.Exists ? Info() : null);

    public Task<BatchResultsPage?> GetResultsAsync(int offset, int limit)
    {
        if (!Batch.Exists)
        {
            return Task.FromResult<BatchResultsPage?>(null);
        }

        var end = (int)Math.Min(Batch.Total, (long)Math.Max(offset, 0) + Math.Max(limit, 0));
        var results = new List<BatchTaskResult>();
        for (var index = Math.Max(offset, 0); index < end; index++)
        {
            var task = store.TaskAt(index);
            var outcome = store.Outcome(index);
            var status = outcome?.Status ?? (Batch.Running.Contains(index) ? BatchTaskStatus.Running : BatchTaskStatus.Pending);
            results.Add(new BatchTaskResult(
                index, BatchTokens.Of(Batch.Secret, index), task.Extension, task.Movie, status, outcome?.ErrorCode, outcome?.Message, outcome?.Uploads));
        }

        return Task.FromResult<BatchResultsPage?>(new BatchResultsPage(Batch.Total, results));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Batch.Exists && (Batch.Status == BatchStatus.Running || Batch.Running.Count > 0))
        {
            EnsurePump();
        }
        else if (await this.GetReminder(KeepRunningReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private BatchUpdate? Refusal() =>
        !Batch.Exists ? Unknown()
        : Batch.HasEnded ? new BatchUpdate(Info(), "batch_ended", $"The batch has ended ({Batch.Status.ToString().ToLowerInvariant()}).")
        : null;

    private static BatchUpdate Unknown() => new(null, "unknown_batch", "There is no such batch.");

    private BatchInfo Info() => new(
        this.GetPrimaryKeyString(), Batch.Settings?.Project ?? "", Batch.Settings?.Routing ?? "", Batch.Window, Batch.Status, Batch.Total,
        store.Completed, store.Failed, store.Cancelled, Batch.Running.Count, Batch.PeakRunning, Batch.CreatedAt, Batch.FinishedAt,
        RuntimeIdentity);
}
