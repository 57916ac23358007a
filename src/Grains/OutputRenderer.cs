using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Render.Conventions.Diagnostics;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Grains.State;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Planning;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

/// <summary>
/// How a job renders one output: parse, probe and bind the movie once, plan its units with their content addresses,
/// take the output from the segment store when identical work was stored before (<see cref="TryReuseAsync"/>), else
/// (<see cref="RenderAsync"/>) wait for a slot in the pool's queue and have every unit rendered (or reused) by its <see cref="RenderUnitGrain"/>, the join last. It runs on the
/// job's activation and keeps the job's recorded state up to date through the callback it is given.
/// </summary>
public sealed class OutputRenderer(
    IGrainFactory grains,
    RenderUnits units,
    IMediaStore media,
    MediaLengthProbe lengths,
    RenderPools pools,
    IOptions<RenderEngineOptions> engineOptions,
    IOptions<RenderJobOptions> jobOptions,
    ILogger<OutputRenderer> logger)
{
    /// <summary>What the job asks for: its token and request, the output and the movie document the output uses.</summary>
    public sealed record Job(string Token, RenderRequest Request, OutputSpec Spec, OutputRequest Output, string MovieJson)
    {
        public string Key => Spec.Key;
    }

    /// <summary>The output's units, and the media lengths read once for its <c>"auto"</c> scenes.</summary>
    public sealed record PlannedOutput(RenderPlan Plan, IReadOnlyDictionary<string, double> MediaSeconds);

    /// <summary>A token's movie bound with its params, the media lengths read for it, and the project's asset versions.</summary>
    public sealed record BoundMovie(Timeline Timeline, IReadOnlyDictionary<string, double> MediaSeconds, IReadOnlyDictionary<string, string> AssetVersions);

    public async Task<PlannedOutput> PlanAsync(Job job, CancellationToken cancellationToken)
    {
        var bound = await BindAsync(job.Request, job.MovieJson, cancellationToken);
        return new PlannedOutput(
            RenderPlan.For(bound.Timeline, job.Spec, job.Request.Parallel, engineOptions.Value.Encoder, bound.AssetVersions), bound.MediaSeconds);
    }

    /// <summary>Parses the movie, reads the lengths of the media its <c>"auto"</c> scenes need once, and binds it.</summary>
    public async Task<BoundMovie> BindAsync(RenderRequest request, string movieJson, CancellationToken cancellationToken)
    {
        var movie = MovieParser.Parse(movieJson).Movie
            ?? throw new RenderInputException("invalid_movie", "The movie stored for this token does not validate.");
        var mediaSeconds = await lengths.ReadAsync(movie, request.Params, request.Project, engineOptions.Value.WorkDirectory, cancellationToken);
        return new BoundMovie(MovieBinder.Bind(movie, request.Params, mediaSeconds), mediaSeconds, await AssetVersionsAsync(request.Project));
    }

    /// <summary>
    /// Takes the output from the segment store when identical work was stored before: no queue, no ffmpeg, nothing
    /// written but the output's record. True when it did.
    /// </summary>
    public async Task<bool> TryReuseAsync(PlannedOutput planned, OutputState output, RunningOutput render)
    {
        render.Phases.Begin("reuse");
        if (await grains.GetGrain<IRenderUnitGrain>(planned.Plan.Final).GetStoredAsync() is not { } stored)
        {
            render.Phases.Begin("record");
            return false;
        }

        foreach (var segment in output.Segments)
        {
            segment.Status = OutputStatus.Done;
        }

        render.Track(output);
        output.MediaKey = stored.MediaKey;
        output.Reused = render.Reused = 1;
        RenderMetrics.UnitReused("output");
        RenderMetrics.OutputRendered(output.ContentType, reused: true);
        return true;
    }

    /// <summary>Renders the planned output into <paramref name="output"/> (its media key and segments); null on success, else the failure.</summary>
    public async Task<SegmentResult?> RenderAsync(Job job, PlannedOutput planned, OutputState output, RunningOutput render, Func<Task> record)
    {
        var failure = await RenderUnitsAsync(job, planned, output, render, record);
        render.Phases.Begin("finish");
        if (failure is null)
        {
            RenderMetrics.OutputRendered(output.ContentType, reused: false);
        }
        else
        {
            RenderMetrics.OutputFailed(output.ContentType, failure.ErrorCode);
        }

        return failure;
    }

    private async Task<SegmentResult?> RenderUnitsAsync(Job job, PlannedOutput planned, OutputState output, RunningOutput render, Func<Task> record)
    {
        var plan = planned.Plan;
        render.Phases.Begin("queue");
        if (await WaitForSlotAsync(job, output, render, record) is { } refused)
        {
            return refused;
        }

        render.Status = output.Status = OutputStatus.Rendering;
        render.Phases.Begin("rendering");
        await record();
        render.Phases.Begin("units");
        render.Phases.Note("segments", output.Segments.Count);
        var work = new SegmentWork(job.Token, job.Key, job.MovieJson, job.Request.Params, job.Output, 0, plan.Range.Count, "", job.Request.Project,
            planned.MediaSeconds, Pool: job.Request.RoutingKey);
        var token = render.Cancellation.Token;
        // Segments finish close together, and the job's writes go one at a time: each would otherwise wait for all before it.
        var records = new CoalescingWriter(record);
        var segments = output.Segments.Select((_, i) => RenderSegmentAsync(output, i, work, render, records)).ToList();
        var sound = plan.Sound is null ? null : units.RenderAsync(plan.Sound, work with { Kind = SegmentKind.Sound, Index = segments.Count }, token);
        var results = await Task.WhenAll(segments);
        var soundResult = sound is null ? null : await sound;
        if (results.Append(soundResult).FirstOrDefault(r => r is { Succeeded: false }) is { } failure)
        {
            return failure;
        }

        var final = results[0];
        if (plan.IsJoined)
        {
            render.Phases.Begin("join");
            final = await units.RenderAsync(plan.Final, work with
            {
                Kind = SegmentKind.Join,
                Pieces = [.. results.Select(r => r.MediaKey!)],
                SoundKey = soundResult?.MediaKey,
            }, token);
            if (!final.Succeeded)
            {
                return final;
            }
        }

        render.Reused += results.Count(r => r.Reused) + (soundResult is { Reused: true } ? 1 : 0);
        (output.MediaKey, output.Reused) = (final.MediaKey, render.Reused);
        return null;
    }

    public async Task<bool> IsStoredAsync(OutputState output) =>
        output.MediaKey is not null && await media.GetAsync(output.MediaKey, CancellationToken.None) is not null;

    public async Task<int> PositionAsync(string token, string outputKey, string pool)
    {
        try
        {
            return await Queue(pool).GetPositionAsync(token, outputKey);
        }
        catch (Exception ex) when (StaleState.IsTransient(ex))
        {
            return 0;
        }
    }

    /// <summary>The render has ended: gives its slot back (<see cref="ReleaseSlotAsync"/>) and logs its phases.</summary>
    public async Task EndAsync(string token, RunningOutput render, string pool)
    {
        render.Phases.Begin("release");
        await ReleaseSlotAsync(token, render.Key, pool);
        logger.LogInformation(PhaseTimeline.Message, token, "job-" + render.Key, render.Phases);
    }

    /// <summary>Gives the output's slot back to the queue; if that fails, the queue's next lease check frees it.</summary>
    public async Task ReleaseSlotAsync(string token, string outputKey, string pool)
    {
        try
        {
            await Queue(pool).CompleteAsync(token, outputKey);
        }
        catch (Exception ex) when (StaleState.IsTransient(ex))
        {
            logger.LogWarning("Could not give back the slot of {Token} {Output}: {Error}", token, outputKey, ex.Message);
        }
    }

    /// <summary>
    /// Queues the output in its pool and waits until it is admitted. Fails with <c>queue_full</c> when the project's
    /// queue is full, and with <c>pool_unavailable</c> when the pool has had no live silo for the queue timeout.
    /// </summary>
    private async Task<SegmentResult?> WaitForSlotAsync(Job job, OutputState output, RunningOutput render, Func<Task> record)
    {
        var pool = job.Request.RoutingKey;
        var ticket = await Queue(pool).EnqueueAsync(new QueueEntry(job.Token, job.Key, job.Request.Project, DateTimeOffset.UtcNow));
        if (ticket.Refused)
        {
            return new SegmentResult(0, ticket.ErrorCode, ticket.Message, IsInputError: true);
        }

        if (ticket.Admitted)
        {
            render.Admitted.TrySetResult();
            return null;
        }

        render.Status = output.Status = OutputStatus.Queued;
        await record();
        var since = DateTimeOffset.UtcNow;
        var options = jobOptions.Value;
        while (!render.Admitted.Task.IsCompleted)
        {
            await Task.WhenAny(render.Admitted.Task, Task.Delay(options.QueuePollInterval, render.Cancellation.Token));
            render.Cancellation.Token.ThrowIfCancellationRequested();
            if (!render.Admitted.Task.IsCompleted && !pools.HasLiveSilo(pool) && DateTimeOffset.UtcNow - since > options.QueueTimeout)
            {
                await ReleaseSlotAsync(job.Token, job.Key, pool);
                return new SegmentResult(0, "pool_unavailable", $"No silo of the render pool '{pool}' came up within {options.QueueTimeout}.");
            }
        }

        return null;
    }

    private async Task<SegmentResult> RenderSegmentAsync(OutputState output, int index, SegmentWork work, RunningOutput render, CoalescingWriter records)
    {
        var segment = output.Segments[index];
        if (segment.Status != OutputStatus.Done)
        {
            segment.Status = OutputStatus.Rendering;
        }

        var result = await units.RenderAsync(
            segment.Unit, work with { StartFrame = segment.StartFrame, EndFrame = segment.EndFrame, Index = index }, render.Cancellation.Token);
        (segment.Attempts, segment.Silo) = (Math.Max(segment.Attempts, result.Attempts), result.Silo ?? segment.Silo);
        if (!result.Succeeded)
        {
            (segment.Status, segment.LastError) = (OutputStatus.Failed, result.Message);
            return result;
        }

        (segment.Status, segment.LastError) = (OutputStatus.Done, null);
        render.SegmentFrames[index] = segment.EndFrame - segment.StartFrame;
        await records.WriteAsync();
        return result;
    }

    /// <summary>Asset name → content hash for the project; font assets once more as <c>font:name</c> (see <see cref="RenderFingerprint"/>).</summary>
    private async Task<IReadOnlyDictionary<string, string>> AssetVersionsAsync(string project)
    {
        var assets = await grains.GetGrain<IProjectGrain>(project).ListAssetsAsync();
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in assets)
        {
            versions[asset.Name] = asset.Sha256;
            if (asset.Kind == "font")
            {
                versions["font:" + asset.Name] = asset.Sha256;
            }
        }

        return versions;
    }

    private IRenderQueueGrain Queue(string pool) => grains.GetGrain<IRenderQueueGrain>(pool);
}
