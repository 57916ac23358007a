using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Models;
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
    IMediaStore media,
    IEnumerable<IUploader> uploaders,
    UploadCallbacks callbacks,
    IOptions<UploadOptions> uploadOptions,
    ILogger<UploadGrain> logger) : Grain, IUploadGrain, IRemindable
{
    private const string Reminder = "upload";

    private readonly List<TaskCompletionSource<UploadInfo>> waiters = [];
    private readonly SemaphoreSlim saving = new(1, 1);
    private Task pump = Task.CompletedTask;
    private IGrainTimer? wakeUp;

    /// <summary>Cancels the attempt under way, if any: its time limit, or <see cref="CancelAsync"/>.</summary>
    private CancellationTokenSource? attempt;

    /// <summary>A callback is under way on this activation: it reads as pending, not unconfirmed.</summary>
    private bool calling;

    private UploadOptions Options => uploadOptions.Value;

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

        var waiter = new TaskCompletionSource<UploadInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Add(waiter);
        Kick();
        return waiter.Task;
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
                else if (await HasSlotAsync())
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

    /// <summary>Sync uploads need no slot; an async one holds one of its project's slots, or waits in its queue.</summary>
    private async Task<bool> HasSlotAsync()
    {
        if (!Job.Task.Async || state.State.HoldsSlot)
        {
            return true;
        }

        var slots = GrainFactory.GetGrain<IUploadSlotsGrain>(Job.Project);
        var granted = await slots.AcquireAsync(Job.Key);
        if (IsCancelled)
        {
            // Cancelled while asking: give back the slot or the place in the queue it may just have got.
            await slots.ReleaseAsync(Job.Key);
            return false;
        }

        if (granted || !state.State.Queued)
        {
            (state.State.HoldsSlot, state.State.Queued) = (granted, !granted);
            await SaveAsync();
        }

        return granted;
    }

    private async Task AttemptAsync()
    {
        state.State.Attempts++;
        state.State.Status = UploadStatus.Uploading;
        (state.State.NextAttemptAt, state.State.RenderError, state.State.IsRenderInputError) = (null, null, false);
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
            var result = await SendAsync(timeout.Token);
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
            var (message, permanent) = Describe(ex, timeout.IsCancellationRequested);
            if (permanent || state.State.Attempts >= Options.MaxAttempts)
            {
                await EndAsync(UploadStatus.Failed, null, message);
                return;
            }

            var backoff = Options.BackoffAfter(state.State.Attempts);
            (state.State.Status, state.State.LastError, state.State.NextAttemptAt) = (UploadStatus.Pending, message, DateTimeOffset.UtcNow + backoff);
            await SaveAsync();
            logger.LogWarning("Upload {Upload} attempt {Attempt} failed, next in {Backoff}: {Error}", Job.Key, state.State.Attempts, backoff, message);
        }
        finally
        {
            attempt = null;
        }
    }

    private async Task<string> SendAsync(CancellationToken cancellationToken)
    {
        var job = GrainFactory.GetGrain<IRenderJobGrain>(Job.Token);
        var output = await job.RenderAsync(new OutputRequest(Job.Task.Extension, PosterFrame: true));
        // A render still waiting in its pool's queue is no failed attempt: the upload waits as long as the queue does.
        while (output.Status == OutputStatus.Queued)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output = await job.RenderAsync(new OutputRequest(Job.Task.Extension, PosterFrame: true));
        }

        if (output.Status != OutputStatus.Done)
        {
            // Kept so a sync request answers the render's own error (a 422 for bad params), not a failed upload.
            (state.State.RenderError, state.State.IsRenderInputError) = (output.ErrorCode ?? "render_failed", output.IsInputError);
            throw new UploadFailedException($"The render failed ({output.ErrorCode}): {output.Message}", permanent: output.IsInputError);
        }

        await using var content = await media.OpenReadAsync(output.MediaKey!, cancellationToken);
        var source = new UploadSource(content, content.Length, output.ContentType, $"{Job.Token}.{Job.Task.Extension}", Job.Key);
        var session = new UploadSession(state.State.Session, async value =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.State.Session = value;
            await SaveAsync();
        });
        var uploader = uploaders.Single(u => u.Type == Job.Task.Destination.Type);
        return await uploader.UploadAsync(Job.Task.Destination, source, session, cancellationToken);
    }

    /// <summary>
    /// Records the outcome, forgets the credentials and the session, frees the slot (or the place in its queue) and
    /// answers the waiters. A cancelled upload calls nobody back.
    /// </summary>
    private async Task EndAsync(UploadStatus status, string? result, string? error)
    {
        var task = Job.Task;
        var queued = state.State.Queued;
        state.State.Job = Job with { Task = task with { Destination = task.Destination.WithoutCredentials() } };
        (state.State.Status, state.State.Result, state.State.LastError) = (status, result, error ?? state.State.LastError);
        (state.State.Session, state.State.NextAttemptAt, state.State.EndedAt, state.State.Queued) = (null, null, DateTimeOffset.UtcNow, false);
        if (status == UploadStatus.Cancelled || (status == UploadStatus.Succeeded ? task.OnSuccess : task.OnError) is null)
        {
            state.State.Callback = CallbackStatus.None;
        }

        await SaveAsync();
        switch (status)
        {
            case UploadStatus.Succeeded:
                logger.LogInformation("Upload {Upload} to {Type} succeeded after {Attempts} attempts: {Result}", Job.Key, task.Destination.Type, state.State.Attempts, result);
                break;
            case UploadStatus.Cancelled:
                logger.LogInformation("Upload {Upload} to {Type} cancelled after {Attempts} attempts", Job.Key, task.Destination.Type, state.State.Attempts);
                break;
            default:
                logger.LogWarning("Upload {Upload} to {Type} failed after {Attempts} attempts: {Error}", Job.Key, task.Destination.Type, state.State.Attempts, error);
                break;
        }

        if (state.State.HoldsSlot || queued)
        {
            await GrainFactory.GetGrain<IUploadSlotsGrain>(Job.Project).ReleaseAsync(Job.Key);
            state.State.HoldsSlot = false;
            await SaveAsync();
        }

        var info = Info();
        foreach (var waiter in waiters)
        {
            waiter.TrySetResult(info);
        }

        waiters.Clear();
    }

    /// <summary>
    /// Marks the call under way before making it: a crash during the call leaves it <c>Unconfirmed</c> and it is not
    /// repeated, so a receiver never hears twice. An answer that says nobody got it (no connection, 5xx) is retried.
    /// </summary>
    private async Task CallBackAsync()
    {
        var succeeded = state.State.Status == UploadStatus.Succeeded;
        var url = succeeded ? Job.Task.OnSuccess! : Job.Task.OnError!;
        var message = succeeded ? state.State.Result ?? "" : state.State.LastError ?? "The upload failed.";
        bool delivered;
        calling = true;
        try
        {
            state.State.Callback = CallbackStatus.Unconfirmed;
            state.State.CallbackAttempts++;
            await SaveAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            delivered = await callbacks.CallAsync(url, message, timeout.Token);
        }
        catch (UploadFailedException ex)
        {
            logger.LogWarning("Upload {Upload} callback refused: {Error}", Job.Key, ex.Message);
            state.State.Callback = CallbackStatus.Failed;
            await SaveAsync();
            return;
        }
        finally
        {
            calling = false;
        }

        state.State.Callback = delivered ? CallbackStatus.Sent
            : state.State.CallbackAttempts >= Options.CallbackAttempts ? CallbackStatus.Failed
            : CallbackStatus.Pending;
        state.State.NextAttemptAt = state.State.Callback == CallbackStatus.Pending ? DateTimeOffset.UtcNow + Options.BackoffAfter(state.State.CallbackAttempts) : null;
        await SaveAsync();
        logger.LogInformation("Upload {Upload} {Which} callback: {Callback}", Job.Key, succeeded ? "success" : "error", state.State.Callback);
    }

    private (string Message, bool Permanent) Describe(Exception ex, bool timedOut) => ex switch
    {
        UploadFailedException failed => (failed.Message, failed.Permanent),
        _ when UploadCallbacks.FindRefusal(ex) is { } refusal => (refusal.Message, true),
        OperationCanceledException when timedOut => ($"The attempt took longer than {Options.AttemptTimeout}.", false),
        HttpRequestException http => ($"The destination could not be reached: {http.Message}", false),
        _ => ($"{ex.GetType().Name}: {ex.Message}", false),
    };

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

    private UploadInfo Info() => new(
        Job.Index, Job.TaskCount, Job.Task.Destination.Type, Job.Task.Extension, Job.Task.Async, state.State.Status, state.State.Queued,
        state.State.Attempts, state.State.NextAttemptAt, state.State.LastError, state.State.Result,
        calling ? CallbackStatus.Pending : state.State.Callback, RuntimeIdentity, state.State.RenderError, state.State.IsRenderInputError);
}
