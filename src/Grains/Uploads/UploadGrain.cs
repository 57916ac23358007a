using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Models.Uploads;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// One upload task of a token. Every step is persisted before it is taken: an attempt is counted before it starts, the
/// destination's session after it changes, a callback marked under way before it is made. A reminder (registered at
/// start, dropped when everything is done) reactivates the grain wherever it lives after a crash; while it is active,
/// a grain timer wakes it for the next attempt after an exponential backoff. Repeats are harmless: destinations
/// overwrite the same object or resume their session, and a callback whose outcome a crash hid is never made again.
/// Reentrant so progress and waiters are answered during an attempt, and a cancel cuts one off; state changes only
/// between awaits, and writes of it go one at a time.
/// </summary>
[Reentrant, GrainType("upload")]
public sealed class UploadGrain(
    [PersistentState("upload", GrainStorage.Name)] IPersistentState<UploadState> state,
    UploadSender sender,
    UploadCallbacks callbacks,
    IOptions<UploadOptions> uploadOptions,
    ILogger<UploadGrain> logger) : Grain, IUploadGrain, IRemindable, IDisposable
{
    private const string Reminder = "upload";

    /// <summary>Answers the waiters once the upload has ended.</summary>
    private readonly TaskCompletionSource<UploadInfo> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim saving = new(1, 1);
    private Task pump = Task.CompletedTask;
    private IGrainTimer? wakeUp;

    /// <summary>Cancels the attempt under way, if any: its time limit, or <see cref="CancelAsync"/>.</summary>
    private CancellationTokenSource? attempt;

    /// <summary>A callback is under way on this activation: it reads as pending, not unconfirmed.</summary>
    private bool calling;

    private UploadOptions Options => uploadOptions.Value;

    private UploadRetryPolicy Retries => new(Options);

    private IUploadSlotsGrain Slots => GrainFactory.GetGrain<IUploadSlotsGrain>(Job.Project);

    private bool Exists => state.State.Job is not null;

    private UploadJob Job => state.State.Job!;

    private bool HasEnded => state.State.Status is UploadStatus.Succeeded or UploadStatus.Failed or UploadStatus.Cancelled;

    private bool IsCancelled => state.State.Status == UploadStatus.Cancelled;

    /// <summary>Nothing left to do: the upload has ended and its callback is made, failed, unconfirmed or not wanted.</summary>
    private bool IsSettled => HasEnded && state.State.Callback != CallbackStatus.Pending;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Exists && !IsSettled)
        {
            WakeAfter(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task<UploadInfo> StartAsync(UploadJob job)
    {
        if (!Exists)
        {
            state.State = new UploadState { Job = job, Status = UploadStatus.Pending, Callback = CallbackStatus.Pending, CreatedAt = DateTimeOffset.UtcNow };
            await SaveAsync();
            await this.RegisterOrUpdateReminder(Reminder, Options.ReminderPeriod, Options.ReminderPeriod);
            logger.LogInformation("Upload {Upload} of {Extension} to {Type} created (async: {Async})", job.Key, job.Task.Extension, job.Task.Destination.Type, job.Task.Async);
        }

        Kick();
        return Info();
    }

    public Task<UploadInfo> WaitAsync()
    {
        if (!Exists)
        {
            throw new InvalidOperationException($"There is no upload {this.GetPrimaryKeyString()}.");
        }

        if (HasEnded)
        {
            return Task.FromResult(Info());
        }

        Kick();
        return ended.Task;
    }

    public Task<UploadInfo?> GetInfoAsync() => Task.FromResult(Exists ? Info() : null);

    public async Task<UploadInfo?> CancelAsync()
    {
        if (!Exists)
        {
            return null;
        }

        if (HasEnded)
        {
            return Info();
        }

        // The attempt's own code sees the cancelled state when it resumes and leaves it as it is.
        attempt?.Cancel();
        wakeUp?.Dispose();
        wakeUp = null;
        await EndAsync(UploadStatus.Cancelled, null, "The upload was cancelled: its token was deleted.");
        // The pump drops the reminder once it finds the upload settled; dropping it here could race with it.
        Kick();
        return Info();
    }

    public Task WakeAsync()
    {
        if (Exists)
        {
            Kick();
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists || IsSettled)
        {
            await DropReminderAsync();
            return;
        }

        Kick();
    }

    private void Kick()
    {
        if (pump.IsCompleted)
        {
            pump = PumpAsync();
        }
    }

    /// <summary>Takes every step that is due, then returns; a timer, the reminder, a slot or a caller starts it again.</summary>
    private async Task PumpAsync()
    {
        await Task.Yield();
        try
        {
            while (!IsSettled)
            {
                var wait = (state.State.NextAttemptAt ?? DateTimeOffset.MinValue) - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    WakeAfter(wait);
                    return;
                }

                if (HasEnded)
                {
                    await CallBackAsync();
                }
                else if (await UploadSlot.AcquireAsync(Slots, state.State, SaveAsync))
                {
                    await AttemptAsync();
                }
                else
                {
                    return;
                }
            }

            await DropReminderAsync();
        }
        catch (Exception ex)
        {
            // Storage or a grain call failed between steps; the state on disk is consistent, so try again later.
            logger.LogWarning(ex, "Upload {Upload} stopped between steps; it goes on after a backoff", this.GetPrimaryKeyString());
            WakeAfter(Options.InitialBackoff);
        }
    }

    private async Task AttemptAsync()
    {
        state.State.BeginAttempt();
        await SaveAsync();
        if (IsCancelled)
        {
            return;
        }

        logger.LogInformation("Upload {Upload} attempt {Attempt} to {Type}", Job.Key, state.State.Attempts, Job.Task.Destination.Type);
        DelayDeactivation(Options.AttemptTimeout);
        using var timeout = new CancellationTokenSource(Options.AttemptTimeout);
        attempt = timeout;
        try
        {
            var result = await sender.SendAsync(state.State, GrainFactory.GetGrain<IRenderJobGrain>(Job.Token), SaveAsync, timeout.Token);
            if (!IsCancelled)
            {
                await EndAsync(UploadStatus.Succeeded, result, null);
            }
        }
        catch (Exception) when (IsCancelled)
        {
        }
        catch (Exception ex)
        {
            var (message, retryAfter) = Retries.AfterFailedAttempt(ex, timeout.IsCancellationRequested, state.State.Attempts);
            if (retryAfter is not { } backoff)
            {
                await EndAsync(UploadStatus.Failed, null, message);
                return;
            }

            (state.State.Status, state.State.LastError, state.State.NextAttemptAt) = (UploadStatus.Pending, message, DateTimeOffset.UtcNow + backoff);
            await SaveAsync();
            logger.LogWarning("Upload {Upload} attempt {Attempt} failed, next in {Backoff}: {Error}", Job.Key, state.State.Attempts, backoff, message);
            RenderMetrics.UploadRetried(Job.Task.Destination.Type);
        }
        finally
        {
            attempt = null;
        }
    }

    /// <summary>
    /// Records the outcome, forgets the credentials and the session, frees the slot (or the place in its queue) and
    /// answers the waiters. A cancelled upload calls nobody back.
    /// </summary>
    private async Task EndAsync(UploadStatus status, string? result, string? error)
    {
        var queued = state.State.Queued;
        state.State.End(status, result, error);
        await SaveAsync();
        logger.Log(
            status == UploadStatus.Failed ? LogLevel.Warning : LogLevel.Information, "Upload {Upload} to {Type} {Status} after {Attempts} attempts: {Outcome}",
            Job.Key, Job.Task.Destination.Type, status, state.State.Attempts, result ?? error);
        await UploadSlot.ReleaseAsync(Slots, state.State, queued, SaveAsync);
        ended.TrySetResult(Info());
    }

    private async Task CallBackAsync()
    {
        calling = true;
        try
        {
            await callbacks.CallBackAsync(state.State, Retries, SaveAsync);
        }
        finally
        {
            calling = false;
        }
    }

    /// <summary>One write at a time: two in flight would carry the same ETag and the second would be refused.</summary>
    private async Task SaveAsync()
    {
        await saving.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            saving.Release();
        }
    }

    private void WakeAfter(TimeSpan wait)
    {
        wakeUp?.Dispose();
        wakeUp = this.RegisterGrainTimer(
            () =>
            {
                Kick();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = wait, Period = Timeout.InfiniteTimeSpan, KeepAlive = true, Interleave = true });
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private UploadInfo Info() => state.State.ToInfo(calling, RuntimeIdentity);

    public void Dispose() => saving.Dispose();
}
