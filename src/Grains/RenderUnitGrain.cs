using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Conventions.Diagnostics;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Grains.State;
using Orleans.Render.Models;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

/// <summary>
/// One content-addressed render unit (key = its fingerprint, see <c>RenderFingerprint</c>). The first ask renders it
/// through <see cref="SegmentRendererGrain"/>s on the work's pool, one attempt after another on different silos, and
/// records each step in persisted state; once stored, every later ask (a resumed job, another token with identical
/// work) gets the stored file. Reentrant so that concurrent asks share the render under way.
/// </summary>
[Reentrant, GrainType("render-unit")]
public sealed class RenderUnitGrain(
    [PersistentState("unit", GrainStorage.Name)] IPersistentState<RenderUnitState> state,
    IMediaStore media,
    RenderPools pools,
    IOptions<RenderJobOptions> jobOptions,
    ILogger<RenderUnitGrain> logger) : Grain, IRenderUnitGrain, IDisposable
{
    private readonly HashSet<string> waiters = new(StringComparer.Ordinal);
    private Task<SegmentResult>? rendering;
    private CancellationTokenSource? cancellation;

    private string Unit => this.GetPrimaryKeyString();

    public async Task<SegmentResult> RenderAsync(SegmentWork work)
    {
        if (state.State.Status == OutputStatus.Done && await IsStoredAsync())
        {
            logger.LogInformation("Reused {Kind} unit {Unit} for {Token} {Output}", work.Kind, Unit, work.Token, work.OutputKey);
            RenderMetrics.UnitReused("unit");
            GrainFactory.GetGrain<ISegmentStoreGrain>(SegmentStoreGrain.Key).TouchAsync(Unit).Ignore();
            return Result(reused: true);
        }

        waiters.Add(work.Token);
        if (rendering is null)
        {
            cancellation = new CancellationTokenSource();
            rendering = RenderOnceAsync(work, cancellation.Token);
        }

        var render = rendering;
        try
        {
            return await render;
        }
        finally
        {
            waiters.Remove(work.Token);
            if (rendering == render)
            {
                cancellation?.Dispose();
                (rendering, cancellation) = (null, null);
            }
        }
    }

    public Task AbandonAsync(string token)
    {
        if (waiters.Remove(token) && waiters.Count == 0 && cancellation is { } waited)
        {
            logger.LogInformation("Cancelling unit {Unit}: no job waits for it any more", Unit);
            waited.Cancel();
        }

        return Task.CompletedTask;
    }

    public async Task<SegmentResult?> GetStoredAsync() =>
        state.State.Status == OutputStatus.Done && await IsStoredAsync() ? Result(reused: true) : null;

    public async Task ForgetAsync()
    {
        if (rendering is null)
        {
            await state.ClearStateAsync();
            state.State = new RenderUnitState();
        }
    }

    private async Task<bool> IsStoredAsync() =>
        state.State.MediaKey is null || await media.GetAsync(state.State.MediaKey, CancellationToken.None) is not null;

    private async Task<SegmentResult> RenderOnceAsync(SegmentWork work, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            return await RenderAttemptsAsync(work, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (state.State.Status, state.State.Attempts, state.State.Renderer) = (OutputStatus.Pending, 0, null);
            await state.WriteOrDeactivateAsync(this);
            return new SegmentResult(0, "cancelled", "The render was cancelled.");
        }
    }

    private async Task<SegmentResult> RenderAttemptsAsync(SegmentWork work, CancellationToken cancellationToken)
    {
        var options = jobOptions.Value;
        var mediaKey = MediaKeys.Unit(Unit, work.Output.Extension);
        var waitingSince = DateTimeOffset.UtcNow;
        if (state.State.Status == OutputStatus.Done)
        {
            // Recorded, but its file was evicted: a new render with fresh attempts.
            (state.State.Attempts, state.State.Renderer) = (0, null);
        }

        // An attempt an earlier activation of this grain started may have stored the unit, or still be running on a
        // silo that lived: take the file, or ask that renderer again (it joins its own render), before rendering twice.
        var rejoin = state.State.Status == OutputStatus.Rendering && state.State.Renderer is not null;
        // A stored piece is only usable with its header length, which only its renderer's answer carries.
        if (rejoin && work.Kind != SegmentKind.Piece && await media.GetAsync(mediaKey, CancellationToken.None) is { } finished)
        {
            return await StoredAsync(new SegmentResult(work.Kind == SegmentKind.Sound ? 0 : work.EndFrame - work.StartFrame, MediaKey: mediaKey), finished);
        }

        SegmentResult? last = null;
        while (rejoin || state.State.Attempts < options.MaxSegmentAttempts)
        {
            if (!pools.HasLiveSilo(work.Pool))
            {
                if (DateTimeOffset.UtcNow - waitingSince > options.QueueTimeout)
                {
                    return await FailAsync(new SegmentResult(0, "pool_unavailable", $"No silo of the render pool '{work.Pool}' came up within {options.QueueTimeout}."));
                }

                await Task.Delay(options.QueuePollInterval, cancellationToken);
                continue;
            }

            var phases = new PhaseTimeline();
            phases.Begin("record");
            var key = rejoin ? state.State.Renderer! : await NextAttemptAsync(work);
            rejoin = false;
            try
            {
                phases.Begin("render");
                last = await GrainFactory.GetGrain<ISegmentRendererGrain>(key).RenderAsync(work with { MediaKey = mediaKey }, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("{Kind} unit {Unit} of {Token} failed on attempt {Attempt}: {Error}", work.Kind, Unit, work.Token, state.State.Attempts, ex.Message);
                last = new SegmentResult(0, "segment_failed", $"Segment {work.Index} was lost: {ex.GetType().Name}.");
            }

            state.State.Silo = last.Silo ?? state.State.Silo;
            if (last.Succeeded)
            {
                phases.Begin("stat");
                var stored = await StoredAsync(last, last.MediaKey is null ? null : await media.GetAsync(last.MediaKey, CancellationToken.None), phases);
                logger.LogInformation(PhaseTimeline.Message, work.Token, $"unit-{work.Kind.ToString().ToLowerInvariant()}-{work.Index}", phases);
                return stored;
            }

            state.State.LastError = last.Message;
            if (last.IsInputError)
            {
                return await FailAsync(last);
            }
        }

        return await FailAsync(new SegmentResult(
            0, last?.ErrorCode ?? "segment_failed", $"Segment {work.Index} failed {state.State.Attempts} times; last error: {last?.Message ?? state.State.LastError}"));
    }

    /// <summary>Records the unit as stored and indexes it in the segment store.</summary>
    private async Task<SegmentResult> StoredAsync(SegmentResult result, Storage.MediaObject? stored, PhaseTimeline? phases = null)
    {
        phases?.Begin("write");
        (state.State.Status, state.State.MediaKey, state.State.Frames) = (OutputStatus.Done, result.MediaKey, result.Frames);
        (state.State.Bytes, state.State.StoredAt, state.State.LastError) = (stored?.Length ?? 0, DateTimeOffset.UtcNow, null);
        state.State.HeaderBytes = result.HeaderBytes;
        // Two storage round trips that need not follow one another: the record and the store's index.
        await Task.WhenAll(state.WriteOrDeactivateAsync(this), IndexAsync(result.MediaKey));
        return Result(reused: false);
    }

    /// <summary>
    /// Records a new attempt and returns its renderer's key. The spread number is the unit's index in its job plus a
    /// number drawn from the token, so the units of one job land on different silos and jobs start on different ones.
    /// </summary>
    private async Task<string> NextAttemptAsync(SegmentWork work)
    {
        state.State.Attempts++;
        state.State.Status = OutputStatus.Rendering;
        state.State.Renderer = new SegmentKey(work.Pool, Unit, work.Index + Spread(work.Token), state.State.Attempts - 1).ToString();
        await state.WriteOrDeactivateAsync(this);
        return state.State.Renderer;
    }

    /// <summary>A stable number from 0 to 1023 for the token (FNV-1a), whatever process computes it.</summary>
    private static int Spread(string token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % 1024);
    }

    /// <summary>Tells the store's index about the unit; a unit it misses is still served, only never evicted by size.</summary>
    private async Task IndexAsync(string? mediaKey)
    {
        try
        {
            await GrainFactory.GetGrain<ISegmentStoreGrain>(SegmentStoreGrain.Key).AddAsync(Unit, mediaKey, state.State.Bytes);
        }
        catch (Exception ex)
        {
            logger.LogWarning("The segment store did not index unit {Unit}: {Error}", Unit, ex.Message);
        }
    }

    /// <summary>A failure is not kept: the next ask starts again with fresh attempts.</summary>
    private async Task<SegmentResult> FailAsync(SegmentResult failure)
    {
        var attempts = state.State.Attempts;
        (state.State.Status, state.State.Attempts, state.State.Renderer) = (OutputStatus.Failed, 0, null);
        await state.WriteOrDeactivateAsync(this);
        return failure with { Silo = state.State.Silo, Attempts = attempts };
    }

    private SegmentResult Result(bool reused) =>
        new(state.State.Frames, Silo: state.State.Silo, MediaKey: state.State.MediaKey, Reused: reused, Attempts: state.State.Attempts,
            HeaderBytes: state.State.HeaderBytes);

    public void Dispose() => cancellation?.Dispose();
}
