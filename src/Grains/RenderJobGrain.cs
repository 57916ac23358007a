using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Conventions;
using Orleans.Render.Grains.State;
using Orleans.Render.Grains.Tokens;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Planning;
using Orleans.Storage;

namespace Orleans.Render.Grains;

/// <summary>
/// One render token. It keeps the request and its movies, and for each output asked for it plans the render once
/// (<see cref="OutputRenderer"/>), waits for a slot in its pool's <see cref="RenderQueueGrain"/>, and has the planned
/// units rendered or reused by <see cref="RenderUnitGrain"/>s; it runs no ffmpeg itself. Everything it has decided is in
/// persisted state (<see cref="JobState"/>: the token's record in the <see cref="TokenLedger"/> until the job writes its
/// own), and every unit's result outlives it, so a job whose silo dies resumes on the next call (the queue asks every
/// lease period) with the finished units kept. Reentrant so that progress, a second request for the same output and
/// deletion are answered while a render runs; state is mutated only between awaits.
/// </summary>
[Reentrant, GrainType("render-job")]
public sealed class RenderJobGrain(
    [FromKeyedServices(GrainStorage.Name)] IGrainStorage storage,
    TokenLedger ledger,
    OutputRenderer renderer,
    IOptions<RenderJobOptions> jobOptions,
    IOptions<RenderQueueOptions> queueOptions,
    ILogger<RenderJobGrain> logger) : Grain, IRenderJobGrain, IRemindable, IIncomingGrainCallFilter
{
    private const string WatchdogReminder = "watchdog";

    private readonly Dictionary<string, RunningOutput> running = new(StringComparer.Ordinal);
    private JobState state = null!;
    private ReminderSwitch watchdog = null!;
    private bool resumed;

    private string Token => this.GetPrimaryKeyString();
    private bool Exists => state.State.Exists;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new JobState(storage, ledger, GrainFactory, jobOptions.Value.ExpiryBucket, this.GetGrainId(), Token);
        watchdog = new ReminderSwitch(this, WatchdogReminder, jobOptions.Value.WatchdogPeriod);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every call first reads the state, once per activation, except the creation of a new token: it reads nothing (see
    /// <see cref="JobState.CreateAsync"/>). A job activated after its silo died then picks up the outputs it was
    /// rendering or waiting for.
    /// </summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (state.Started || context.InterfaceMethod?.Name is not (nameof(CreateAsync) or nameof(SubmitAsync)))
        {
            await state.LoadAsync();
            if (!resumed)
            {
                resumed = true;
                foreach (var orphan in state.State.Unfinished(running.Keys))
                {
                    logger.LogInformation("Resuming {Token} {Output} after the job was activated again", Token, orphan.Extension);
                    BeginAsync(orphan).Ignore();
                }
            }
        }

        await context.Invoke();
    }

    public async Task<JobInfo> CreateAsync(RenderRequest request, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive)
    {
        if (!Exists)
        {
            var now = DateTimeOffset.UtcNow;
            await state.CreateAsync(new TokenRecord(request, movies, now, now + timeToLive));
            logger.LogDebug("Created {Token} for project {Project} in pool {Pool}", Token, request.Project, request.RoutingKey);
        }

        return Info();
    }

    public Task<JobInfo> OpenAsync(RenderRequest request, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive) => CreateAsync(request, movies, timeToLive);

    public async Task<SubmitResult> SubmitAsync(RenderRequest request, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive, OutputRequest output)
    {
        if (!Exists)
        {
            OutputTarget target;
            try
            {
                target = OutputTarget.For(output, request, movies);
            }
            catch (RenderInputException ex)
            {
                return new SubmitResult(null, ex.Code, ex.Message);
            }

            var ticket = await GrainFactory.GetGrain<IRenderQueueGrain>(request.RoutingKey)
                .EnqueueAsync(new QueueEntry(Token, target.Key, request.Project, DateTimeOffset.UtcNow));
            if (ticket.Refused)
            {
                return new SubmitResult(null, ticket.ErrorCode, ticket.Message);
            }

            await CreateAsync(request, movies, timeToLive);
        }

        await StartAsync(output);
        return new SubmitResult(Info());
    }

    public Task<JobInfo?> GetInfoAsync() => Task.FromResult(Exists ? Info() : null);

    /// <summary>A stream of the token is something to end when it expires, so the token joins its expiry bucket.</summary>
    public async Task<TokenSource?> GetSourceAsync()
    {
        if (!state.State.IsLive)
        {
            return null;
        }

        // Taken before the await: a deletion answered meanwhile clears the movies.
        var source = new TokenSource(state.State.Request!, new Dictionary<string, string>(state.State.Movies));
        await state.JoinExpiryBucketAsync();
        return source;
    }

    public async Task<OutputResult> RenderAsync(OutputRequest output)
    {
        var (render, answer) = await BeginAsync(output);
        if (render is null)
        {
            return answer!;
        }

        var wait = Task.Delay(queueOptions.Value.BlockingWait);
        if (await Task.WhenAny(render.Completion, render.Admitted.Task, wait) == wait)
        {
            var position = await renderer.PositionAsync(Token, render.Key, state.State.Request!.RoutingKey);
            return new OutputResult(OutputStatus.Queued, null, render.ContentType, "queue_timeout",
                $"The render is still waiting for a free renderer (place {position} in the queue); it goes on, ask again later.",
                RetryAfterSeconds: (int)Math.Ceiling(queueOptions.Value.RetryAfter.TotalSeconds));
        }

        return await render.Completion;
    }

    public async Task StartAsync(OutputRequest output) => await BeginAsync(output);

    public async Task<bool> AdmitAsync(string outputKey)
    {
        if (!state.State.IsLive)
        {
            return false;
        }

        if (!running.TryGetValue(outputKey, out var render)
            && state.State.Outputs.TryGetValue(outputKey, out var output) && output.Request is not null
            && output.Status is OutputStatus.Queued or OutputStatus.Rendering)
        {
            (render, _) = await BeginAsync(output.Request);
        }

        render?.Admitted.TrySetResult();
        return render is not null;
    }

    public async Task<RenderProgress> GetProgressAsync()
    {
        var key = state.State.CurrentOutput;
        if (key is not null && running.TryGetValue(key, out var render))
        {
            var position = render.Status == OutputStatus.Queued ? await renderer.PositionAsync(Token, key, state.State.Request!.RoutingKey) : 0;
            return new RenderProgress(render.FramesDone, render.TotalFrames, render.Status, position, render.Reused);
        }

        if (key is not null && state.State.Outputs.TryGetValue(key, out var output))
        {
            return output.Progress();
        }

        return new RenderProgress(0, Exists ? OutputTarget.PendingTotalFrames(state.State.Request!, state.State.Movies) : 0, OutputStatus.Pending);
    }

    public Task<JobSegments> GetSegmentsAsync()
    {
        var key = state.State.CurrentOutput;
        return Task.FromResult(new JobSegments(RuntimeIdentity, key, key is not null && state.State.Outputs.TryGetValue(key, out var output) ? output.SegmentInfos() : []));
    }

    public async Task<bool> DeleteAsync()
    {
        if (!Exists || state.State.Cancelled)
        {
            return false;
        }

        await GrainFactory.GetGrain<IRenderQueueGrain>(state.State.Request!.RoutingKey).RemoveTokenAsync(Token);
        await EndAsync(() => state.State.Cancelled = true);
        logger.LogInformation("Deleted {Token}", Token);
        return true;
    }

    public Task ReportProgressAsync(string outputKey, int segment, int framesDone, string silo)
    {
        if (running.TryGetValue(outputKey, out var render) && state.State.Outputs.TryGetValue(outputKey, out var output)
            && segment < output.Segments.Count && output.Segments[segment].Status != OutputStatus.Done && segment < render.SegmentFrames.Length)
        {
            var range = output.Segments[segment];
            render.SegmentFrames[segment] = Math.Min(framesDone, range.EndFrame - range.StartFrame);
            range.Silo = silo;
        }

        return Task.CompletedTask;
    }

    public async Task ExpireAsync()
    {
        if (!Exists || state.State.Expired || state.State.Cancelled || !state.State.IsExpired)
        {
            return;
        }

        await EndAsync(() => state.State.Expired = true);
        logger.LogInformation("Expired {Token}", Token);
    }

    /// <summary>The watchdog: resumes renders a dead silo orphaned, until none is left.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists || state.State.Expired || state.State.Cancelled || reminderName != WatchdogReminder)
        {
            await UnregisterAsync(reminderName);
            return;
        }

        var orphans = state.State.Unfinished(running.Keys);
        foreach (var orphan in orphans)
        {
            logger.LogInformation("Watchdog resumes {Token} {Output}", Token, orphan.Extension);
            await StartAsync(orphan);
        }

        await watchdog.SetAsync(() => running.Count > 0);
    }

    /// <summary>
    /// The render of the output under way (started now if it is not), or the answer without one: the stored output, or
    /// why there is none (unknown, deleted or expired token, an output the token cannot make).
    /// </summary>
    private async Task<(RunningOutput? Render, OutputResult? Answer)> BeginAsync(OutputRequest output)
    {
        if (state.State.Refusal() is { } refusal)
        {
            return (null, refusal);
        }

        OutputTarget target;
        try
        {
            target = OutputTarget.For(output, state.State.Request!, state.State.Movies);
        }
        catch (RenderInputException ex)
        {
            return (null, new OutputResult(OutputStatus.Failed, null, "", ex.Code, ex.Message, IsInputError: true));
        }

        var key = target.Key;
        state.State.CurrentOutput = key;
        if (state.State.Outputs.TryGetValue(key, out var known) && known.Status == OutputStatus.Done && await renderer.IsStoredAsync(known))
        {
            return (null, known.ToResult());
        }

        if (!running.TryGetValue(key, out var render))
        {
            render = new RunningOutput(key, target.Spec.Format.ContentType());
            running[key] = render;
            render.Completion = RunAsync(target, render);
        }

        return (render, null);
    }

    private async Task<OutputResult> RunAsync(OutputTarget target, RunningOutput render)
    {
        await Task.Yield();
        var key = target.Key;
        try
        {
            var job = new OutputRenderer.Job(Token, state.State.Request!, target.Spec, target.Request, target.MovieJson);
            var plan = await renderer.PlanAsync(job, render.Cancellation.Token);
            var output = ResumeOrPlan(target, plan.Plan);
            render.Track(output);
            if (!await renderer.TryReuseAsync(plan, output, render))
            {
                await Task.WhenAll(RecordAsync(key, output), watchdog.SetAsync(() => true));
                var failure = await renderer.RenderAsync(job, plan, output, render, () => RecordAsync(key, output));
                return await FinishAsync(target.Spec, output, failure);
            }

            logger.LogInformation("{Token} {Output} is in the segment store already (unit {Unit})", Token, key, plan.Plan.Final);
            return await FinishAsync(target.Spec, output, null);
        }
        catch (RenderInputException ex)
        {
            return await FinishAsync(
                target.Spec, new OutputState { Request = target.Request, TotalFrames = render.TotalFrames }, new SegmentResult(0, ex.Code, ex.Message, true));
        }
        catch (OperationCanceledException)
        {
            return new OutputResult(OutputStatus.Cancelled, null, target.Spec.Format.ContentType(), "cancelled", "The render was cancelled.");
        }
        finally
        {
            running.Remove(key);
            render.Cancellation.Dispose();
            await renderer.EndAsync(Token, render, state.State.Request!.RoutingKey);
        }
    }

    /// <summary>Keeps the recorded segments of an interrupted render of the same plan (their units know what is done), or starts afresh.</summary>
    private OutputState ResumeOrPlan(OutputTarget target, RenderPlan plan)
    {
        if (state.State.Outputs.TryGetValue(target.Key, out var previous) && previous.Status is OutputStatus.Rendering or OutputStatus.Queued
            && previous.Segments.Select(s => s.Unit).SequenceEqual(plan.Segments.Select(s => s.Unit)))
        {
            logger.LogInformation("Resuming {Token} {Output} with {Done} of {Count} segments done", Token, target.Key,
                previous.Segments.Count(s => s.Status == OutputStatus.Done), previous.Segments.Count);
            return previous;
        }

        return OutputState.Planned(target.Request, target.Spec, plan);
    }

    private async Task<OutputResult> FinishAsync(OutputSpec spec, OutputState output, SegmentResult? failure)
    {
        output.Finish(spec, failure);
        await RecordAsync(spec.Key, output);
        logger.LogInformation("Output {Token} {Output} is {Status}", Token, spec.Key, output.Status);
        return output.ToResult();
    }

    private async Task RecordAsync(string key, OutputState output)
    {
        await state.JoinExpiryBucketAsync();
        if (!Exists || state.State.Cancelled)
        {
            return;
        }

        output.UpdatedAt = DateTimeOffset.UtcNow;
        state.State.Outputs[key] = output;
        await state.WriteOrDeactivateAsync(this);
    }

    /// <summary>
    /// Cancels running renders and leaves a tombstone (<paramref name="mark"/> says why), so the token answers 410
    /// rather than "unknown". The outputs' units stay in the segment store for identical requests until it evicts them.
    /// </summary>
    private async Task EndAsync(Action mark)
    {
        await CancelRunningAsync();
        mark();
        state.State.Outputs.Clear();
        state.State.Movies.Clear();
        await state.WriteOrDeactivateAsync(this);
        await watchdog.SetAsync(() => false);
    }

    private async Task CancelRunningAsync()
    {
        OutputStreamGrain.CloseAll(GrainFactory, Token);
        var renders = running.Values.ToList();
        foreach (var render in renders)
        {
            await render.Cancellation.CancelAsync();
        }

        await Task.WhenAll(renders.Select(r => r.Completion));
    }

    private async Task UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private JobInfo Info() => state.State.Info(Token);
}
