using Microsoft.Extensions.Logging;
using Orleans.Render.Models.Batches;

namespace Orleans.Render.Grains.Batches;

/// <summary>The loop that keeps a running batch's window full: start, wait for one to end, record, until none is left.</summary>
public sealed partial class BatchGrain
{
    private void EnsurePump()
    {
        if (pump.IsCompleted)
        {
            pump = PumpAsync();
        }
    }

    private void Wake() => wake.TrySetResult();

    /// <summary>Starts tasks while the window has room, waits for one to end, records what ended; until none is left.</summary>
    private async Task PumpAsync()
    {
        await Task.Yield();
        try
        {
            while (!deactivating.IsCancellationRequested)
            {
                if (!await StartTasksAsync())
                {
                    return;
                }

                await Task.WhenAny(inFlight.Values.Append(wake.Task).Append(stopped!));
                if (wake.Task.IsCompleted)
                {
                    wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                if (deactivating.IsCancellationRequested)
                {
                    return;
                }

                await RecordEndedAsync();
            }
        }
        catch (Exception ex) when (!deactivating.IsCancellationRequested)
        {
            // The reminder starts the loop again.
            logger.LogWarning(ex, "Batch {Batch} stopped running", this.GetPrimaryKeyString());
        }
    }

    /// <summary>Fills the window (persisting which tasks are in flight before starting them); false once the batch has ended.</summary>
    private async Task<bool> StartTasksAsync()
    {
        var starting = new List<(int Index, bool Resumed)>();
        await gate.WaitAsync();
        try
        {
            // Tasks in flight in the state but not here were started by an activation that is gone.
            starting.AddRange(Batch.Running.Where(i => !inFlight.ContainsKey(i)).Select(i => (i, true)));
            while (Batch.Status == BatchStatus.Running && Batch.Running.Count < Batch.Window && Batch.Next < Batch.Total)
            {
                Batch.Running.Add(Batch.Next);
                starting.Add((Batch.Next++, false));
            }

            Batch.PeakRunning = Math.Max(Batch.PeakRunning, Batch.Running.Count);
            if (Batch.Running.Count == 0 && Batch.Next == Batch.Total && Batch.Status != BatchStatus.Pending)
            {
                await FinishAsync();
                return false;
            }

            if (starting.Any(s => !s.Resumed))
            {
                await state.WriteOrDeactivateAsync(this);
            }
        }
        finally
        {
            gate.Release();
        }

        var settings = Batch.Settings!;
        foreach (var (index, resumed) in starting)
        {
            var token = BatchTokens.Of(Batch.Secret, index);
            var task = store.TaskAt(index);
            inFlight[index] = Batch.Status == BatchStatus.Cancelled
                ? CancelledAsync(token, task)
                : runner.RunAsync(token, task, store.Movies, settings.TokenTtl, resumed, deactivating.Token);
        }

        return true;
    }

    private async Task<BatchOutcome> CancelledAsync(string token, BatchTask task)
    {
        await runner.CancelAsync(token, task);
        return BatchOutcome.Cancelled;
    }

    private async Task RecordEndedAsync()
    {
        // A task cut off by this activation's deactivation has not ended: the next activation starts it again.
        var ended = inFlight.Where(t => t.Value.IsCompleted && !t.Value.IsCanceled).ToList();
        if (ended.Count == 0)
        {
            return;
        }

        await gate.WaitAsync();
        try
        {
            foreach (var (index, outcome) in ended)
            {
                var result = outcome.IsCompletedSuccessfully
                    ? outcome.Result
                    : new BatchOutcome(BatchTaskStatus.Failed, "render_failed", outcome.Exception?.GetBaseException().Message);
                // A task of a cancelled batch that had not rendered when it was cut off counts as cancelled, not failed.
                store.Record(index, Batch.Status == BatchStatus.Cancelled && result.Status == BatchTaskStatus.Failed ? BatchOutcome.Cancelled : result);
                Batch.Running.Remove(index);
                inFlight.Remove(index);
            }

            await store.SaveAsync();
            await state.WriteOrDeactivateAsync(this);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task FinishAsync()
    {
        if (Batch.Status == BatchStatus.Running)
        {
            Batch.Status = Batch.Total > 0 && store.Failed == Batch.Total ? BatchStatus.Failed : BatchStatus.Completed;
        }

        Batch.FinishedAt ??= DateTimeOffset.UtcNow;
        await state.WriteOrDeactivateAsync(this);
        if (await this.GetReminder(KeepRunningReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        logger.LogInformation(
            "Batch {Batch} {Status}: {Completed} completed, {Failed} failed, {Cancelled} cancelled of {Total}",
            this.GetPrimaryKeyString(), Batch.Status, store.Completed, store.Failed, store.Cancelled, Batch.Total);
    }
}
