using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
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
/// One render token. Splits each output into <c>parallel</c> segments rendered by <see cref="SegmentRendererGrain"/>s
/// spread over the pool's silos, retries a failed segment on another silo, joins the segments by stream copy and keeps
/// every step in persisted state, so a job whose silo dies resumes elsewhere with the segments already done.
/// Reentrant so that progress, a second request for the same output and deletion are answered while a render runs;
/// state is mutated only between awaits.
/// </summary>
[Reentrant, GrainType("render-job")]
public sealed class RenderJobGrain(
    [PersistentState("job", GrainStorage.Name)] IPersistentState<RenderJobState> state,
    IMediaStore media,
    SegmentAssembler assembler,
    RenderEngine engine,
    MediaLengthProbe lengths,
    RenderPools pools,
    IOptions<RenderJobOptions> jobOptions,
    IOptions<RenderEngineOptions> engineOptions,
    ILogger<RenderJobGrain> logger) : Grain, IRenderJobGrain, IRemindable
{
    private const string ExpiryReminder = "expire";
    private const string WatchdogReminder = "watchdog";
    private static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, RunningOutput> running = new(StringComparer.Ordinal);

    private string Token => this.GetPrimaryKeyString();

    private bool Exists => state.State.Request is not null;

    public async Task<JobInfo> CreateAsync(RenderRequest request, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive)
    {
        if (!Exists)
        {
            state.State.Request = request;
            state.State.Movies = new Dictionary<string, string>(movies, StringComparer.Ordinal);
            state.State.CreatedAt = DateTimeOffset.UtcNow;
            state.State.ExpiresAt = state.State.CreatedAt + timeToLive;
            var due = timeToLive < MinimumReminderPeriod ? MinimumReminderPeriod : timeToLive;
            // A reminder that fires without state finds no token and unregisters itself, so the two need no order.
            await Task.WhenAll(state.WriteStateAsync(), this.RegisterOrUpdateReminder(ExpiryReminder, due, due));
            logger.LogInformation("Created {Token} for project {Project} in pool {Pool}", Token, request.Project, request.RoutingKey);
        }

        return Info();
    }

    public Task<JobInfo?> GetInfoAsync() => Task.FromResult(Exists ? Info() : null);

    public async Task<OutputResult> RenderAsync(OutputRequest output)
    {
        if (!Exists)
        {
            return Failure("unknown_token", "There is no such token.");
        }

        if (IsExpired())
        {
            return Failure("expired", "The token has expired.");
        }

        OutputSpec spec;
        string movieJson;
        try
        {
            spec = OutputSpecs.From(output);
            movieJson = MovieFor(spec.Format.Extension());
            if (output.PosterFrame && spec.Format.IsStill())
            {
                output = output with { Frame = MovieParser.Parse(movieJson).Movie?.PosterFrame ?? 0, PosterFrame = false };
                spec = OutputSpecs.From(output);
            }
        }
        catch (RenderInputException ex)
        {
            return new OutputResult(OutputStatus.Failed, null, "", ex.Code, ex.Message, IsInputError: true);
        }

        state.State.CurrentOutput = spec.Key;
        if (state.State.Outputs.TryGetValue(spec.Key, out var known) && known.Status == OutputStatus.Done
            && await media.GetAsync(known.MediaKey!, CancellationToken.None) is not null)
        {
            return known.ToResult();
        }

        if (!running.TryGetValue(spec.Key, out var render))
        {
            render = new RunningOutput(new CancellationTokenSource());
            running[spec.Key] = render;
            render.Completion = RunAsync(spec, output, movieJson, render);
        }

        return await render.Completion;
    }

    public Task StartAsync(OutputRequest output)
    {
        RenderAsync(output).Ignore();
        return Task.CompletedTask;
    }

    public Task<RenderProgress> GetProgressAsync()
    {
        var key = state.State.CurrentOutput;
        if (key is not null && running.TryGetValue(key, out var render))
        {
            return Task.FromResult(new RenderProgress(render.FramesDone, render.TotalFrames, render.Status));
        }

        if (key is not null && state.State.Outputs.TryGetValue(key, out var output))
        {
            var done = output.Segments.Where(s => s.Status == OutputStatus.Done).Sum(s => s.EndFrame - s.StartFrame);
            return Task.FromResult(new RenderProgress(output.Status == OutputStatus.Done ? output.TotalFrames : done, output.TotalFrames, output.Status));
        }

        return Task.FromResult(new RenderProgress(0, DefaultTotalFrames(), OutputStatus.Pending));
    }

    public Task<JobSegments> GetSegmentsAsync()
    {
        var key = state.State.CurrentOutput;
        var segments = key is not null && state.State.Outputs.TryGetValue(key, out var output)
            ? output.Segments.Select((s, i) => new SegmentInfo(i, s.StartFrame, s.EndFrame, s.Status, s.Attempts, s.Silo, s.LastError)).ToList()
            : [];
        return Task.FromResult(new JobSegments(RuntimeIdentity, key, segments));
    }

    public async Task<bool> DeleteAsync()
    {
        if (!Exists)
        {
            return false;
        }

        await RemoveOutputsAsync();
        await state.ClearStateAsync();
        state.State = new RenderJobState();
        await UnregisterAsync(ExpiryReminder);
        await UnregisterAsync(WatchdogReminder);
        logger.LogInformation("Deleted {Token}", Token);
        return true;
    }

    public Task ReportProgressAsync(string outputKey, int segment, int framesDone, string silo)
    {
        if (running.TryGetValue(outputKey, out var render) && state.State.Outputs.TryGetValue(outputKey, out var output)
            && segment < output.Segments.Count && output.Segments[segment].Status != OutputStatus.Done)
        {
            var range = output.Segments[segment];
            render.SegmentFrames[segment] = Math.Min(framesDone, range.EndFrame - range.StartFrame);
            range.Silo = silo;
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists || state.State.Expired)
        {
            await UnregisterAsync(reminderName);
            return;
        }

        if (reminderName == ExpiryReminder && IsExpired())
        {
            await RemoveOutputsAsync();
            state.State.Expired = true;
            state.State.Outputs.Clear();
            await state.WriteStateAsync();
            await UnregisterAsync(ExpiryReminder);
            await UnregisterAsync(WatchdogReminder);
            logger.LogInformation("Expired {Token}", Token);
        }
        else if (reminderName == WatchdogReminder)
        {
            var orphans = state.State.Outputs
                .Where(o => o.Value.Status is OutputStatus.Rendering or OutputStatus.Queued && o.Value.Request is not null && !running.ContainsKey(o.Key))
                .Select(o => o.Value.Request!)
                .ToList();
            foreach (var orphan in orphans)
            {
                logger.LogInformation("Watchdog resumes {Token} {Output}", Token, orphan.Extension);
                await StartAsync(orphan);
            }

            if (orphans.Count == 0 && running.Count == 0)
            {
                await UnregisterAsync(WatchdogReminder);
            }
        }
    }

    private async Task<OutputResult> RunAsync(OutputSpec spec, OutputRequest request, string movieJson, RunningOutput render)
    {
        await Task.Yield();
        try
        {
            var movie = MovieParser.Parse(movieJson).Movie
                ?? throw new RenderInputException("invalid_movie", "The movie stored for this token does not validate.");
            var parameters = state.State.Request!.Params;
            var mediaSeconds = await lengths.ReadAsync(movie, parameters, state.State.Request.Project, engineOptions.Value.WorkDirectory, render.Cancellation.Token);
            var timeline = MovieBinder.Bind(movie, parameters, mediaSeconds);
            var output = ResumeOrPlan(spec, request, timeline);
            render.TotalFrames = output.TotalFrames;
            render.SegmentFrames = [.. output.Segments.Select(s => s.Status == OutputStatus.Done ? s.EndFrame - s.StartFrame : 0)];
            await Task.WhenAll(
                RecordAsync(spec.Key, output),
                this.RegisterOrUpdateReminder(WatchdogReminder, jobOptions.Value.WatchdogPeriod, jobOptions.Value.WatchdogPeriod));

            var work = new SegmentWork(Token, spec.Key, movieJson, parameters, request, 0, 0, "", state.State.Request.Project, mediaSeconds);
            using var failFast = CancellationTokenSource.CreateLinkedTokenSource(render.Cancellation.Token);
            var pieces = output.Segments.Count > 1 ? Directory.CreateDirectory(
                Path.Combine(engineOptions.Value.WorkDirectory, $"{Token}-{spec.Key}-assembly-{Guid.NewGuid():N}")).FullName : null;
            var segments = output.Segments
                .Select((_, index) => RenderAndFetchAsync(spec.Key, output, index, work, render, failFast, pieces))
                .ToList();

            // Segments carry pictures only; the sound of the whole movie is rendered here once, alongside them.
            var sound = pieces is not null ? RenderSoundAsync(spec, timeline, failFast.Token) : Task.FromResult<string?>(null);
            try
            {
                await Task.WhenAll(segments);
                render.Cancellation.Token.ThrowIfCancellationRequested();
                var failure = segments.Select(s => s.Result).FirstOrDefault(r => r is not null);
                if (failure is not null)
                {
                    return await FinishAsync(spec, output, failure);
                }

                output.MediaKey = pieces is null ? output.Segments[0].MediaKey : await AssembleAsync(spec, output, pieces, await sound, render.LastSegmentStored, render.Cancellation.Token);
                var result = await FinishAsync(spec, output, null);
                if (pieces is not null)
                {
                    RemovePiecesAsync(spec.Key).Ignore();
                }

                return result;
            }
            finally
            {
                await failFast.CancelAsync();
                if (await sound.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default) is { } soundFile)
                {
                    File.Delete(soundFile);
                }

                if (pieces is not null)
                {
                    Directory.Delete(pieces, recursive: true);
                }
            }
        }
        catch (RenderInputException ex)
        {
            return await FinishAsync(spec, new OutputState { Request = request, TotalFrames = render.TotalFrames }, new SegmentResult(0, ex.Code, ex.Message, true));
        }
        catch (OperationCanceledException)
        {
            return new OutputResult(OutputStatus.Cancelled, null, spec.Format.ContentType(), "cancelled", "The render was cancelled.");
        }
        finally
        {
            running.Remove(spec.Key);
            render.Cancellation.Dispose();
        }
    }

    /// <summary>Reuses the recorded segments of an interrupted render of this output, or plans new ones.</summary>
    private OutputState ResumeOrPlan(OutputSpec spec, OutputRequest request, Timeline timeline)
    {
        if (state.State.Outputs.TryGetValue(spec.Key, out var previous) && previous.Status is OutputStatus.Rendering or OutputStatus.Queued
            && previous.Segments.Count > 0 && previous.Segments[^1].EndFrame == FullRange(spec, timeline).End)
        {
            logger.LogInformation("Resuming {Token} {Output} with {Done} of {Count} segments done", Token, spec.Key,
                previous.Segments.Count(s => s.Status == OutputStatus.Done), previous.Segments.Count);
            return previous;
        }

        var range = FullRange(spec, timeline);
        var ranges = spec.Format.IsStill() ? [range] : SegmentPlanner.Plan(timeline, spec.Format, state.State.Request!.Parallel);
        var extension = spec.Format.Extension();
        return new OutputState
        {
            Status = OutputStatus.Rendering,
            ContentType = spec.Format.ContentType(),
            TotalFrames = range.Count,
            Request = request,
            Segments = [.. ranges.Select((r, i) => new SegmentState
            {
                StartFrame = r.Start,
                EndFrame = r.End,
                Status = OutputStatus.Pending,
                MediaKey = ranges.Count == 1 ? $"renders/{Token}/{spec.Key}.{extension}" : $"renders/{Token}/{spec.Key}/segment-{i}.{extension}",
            })],
        };
    }

    /// <summary>
    /// Renders one segment, retrying system failures on another silo up to the configured attempts and waiting while
    /// the pool has no live silo. Returns null on success, or the failure that ends the output.
    /// </summary>
    private async Task<SegmentResult?> RenderSegmentAsync(
        string outputKey, OutputState output, int index, SegmentWork work, RunningOutput render, CancellationTokenSource failFast)
    {
        var segment = output.Segments[index];
        var pool = state.State.Request!.RoutingKey;
        var queuedSince = DateTimeOffset.UtcNow;
        SegmentResult? last = null;
        try
        {
            while (segment.Attempts < jobOptions.Value.MaxSegmentAttempts)
            {
                failFast.Token.ThrowIfCancellationRequested();
                if (!pools.HasLiveSilo(pool))
                {
                    if (DateTimeOffset.UtcNow - queuedSince > jobOptions.Value.QueueTimeout)
                    {
                        return Fail(new SegmentResult(0, "pool_unavailable", $"No silo of the render pool '{pool}' came up within {jobOptions.Value.QueueTimeout}."));
                    }

                    render.Status = output.Status = OutputStatus.Queued;
                    await Task.Delay(jobOptions.Value.QueuePollInterval, failFast.Token);
                    continue;
                }

                render.Status = output.Status = OutputStatus.Rendering;
                segment.Attempts++;
                segment.Status = OutputStatus.Rendering;
                await RecordAsync(outputKey, output);
                var key = new SegmentKey(pool, Token, outputKey, index, segment.Attempts - 1);
                try
                {
                    last = await GrainFactory.GetGrain<ISegmentRendererGrain>(key.ToString()).RenderAsync(
                        work with { StartFrame = segment.StartFrame, EndFrame = segment.EndFrame, MediaKey = segment.MediaKey }, failFast.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !failFast.IsCancellationRequested)
                {
                    logger.LogWarning("Segment {Segment} of {Token} {Output} failed on attempt {Attempt}: {Error}", index, Token, outputKey, segment.Attempts, ex.Message);
                    last = new SegmentResult(0, "segment_failed", $"Segment {index} was lost: {ex.GetType().Name}.");
                }

                segment.Silo = last.Silo ?? segment.Silo;
                if (last.Succeeded)
                {
                    segment.Status = OutputStatus.Done;
                    segment.LastError = null;
                    render.SegmentFrames[index] = segment.EndFrame - segment.StartFrame;
                    await RecordAsync(outputKey, output);
                    return null;
                }

                segment.LastError = last.Message;
                if (last.IsInputError)
                {
                    return Fail(last);
                }
            }
        }
        catch (OperationCanceledException) when (!render.Cancellation.IsCancellationRequested)
        {
            // Another segment failed the output; this one stops without a failure of its own.
            return null;
        }

        return Fail(new SegmentResult(
            0, last?.ErrorCode ?? "segment_failed", $"Segment {index} failed {segment.Attempts} times; last error: {last?.Message ?? segment.LastError}"));

        SegmentResult Fail(SegmentResult result)
        {
            segment.Status = OutputStatus.Failed;
            failFast.Cancel();
            return result;
        }
    }

    /// <summary>The movie's sound as a file in the work directory, or null when it has none.</summary>
    private async Task<string?> RenderSoundAsync(OutputSpec spec, Timeline timeline, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Directory.CreateDirectory(engineOptions.Value.WorkDirectory);
        var path = Path.Combine(engineOptions.Value.WorkDirectory, $"{Token}-{spec.Key}-sound-{Guid.NewGuid():N}.{spec.Format.Extension()}");
        return await engine.RenderAudioAsync(timeline, state.State.Request!.Project, spec.Format, path, cancellationToken) ? path : null;
    }

    /// <summary>
    /// Renders a segment unless a resumed render already has it and, when the output has several, downloads its file
    /// into the assembly directory as soon as it is stored, while the other segments still render.
    /// </summary>
    private async Task<SegmentResult?> RenderAndFetchAsync(
        string outputKey, OutputState output, int index, SegmentWork work, RunningOutput render, CancellationTokenSource failFast, string? pieces)
    {
        var segment = output.Segments[index];
        var failure = segment.Status == OutputStatus.Done ? null : await RenderSegmentAsync(outputKey, output, index, work, render, failFast);
        if (failure is null && segment.Status == OutputStatus.Done && pieces is not null)
        {
            render.LastSegmentStored = Math.Max(render.LastSegmentStored, Stopwatch.GetTimestamp());
            await media.DownloadToFileAsync(segment.MediaKey, PiecePath(pieces, segment), render.Cancellation.Token);
        }

        return failure;
    }

    private static string PiecePath(string pieces, SegmentState segment) => Path.Combine(pieces, Path.GetFileName(segment.MediaKey));

    /// <summary>
    /// Joins the downloaded segments by stream copy, with the movie's sound muxed in by stream copy as well. The time
    /// logged runs from the last segment stored to the output stored: what assembly adds to the render.
    /// </summary>
    private async Task<string> AssembleAsync(OutputSpec spec, OutputState output, string pieces, string? soundFile, long started, CancellationToken cancellationToken)
    {
        var joined = Path.Combine(pieces, $"output.{spec.Format.Extension()}");
        await assembler.AssembleAsync([.. output.Segments.Select(s => PiecePath(pieces, s))], spec.Format, pieces, joined, cancellationToken, soundFile);
        var key = $"renders/{Token}/{spec.Key}.{spec.Format.Extension()}";
        await media.PutFileAsync(key, joined, cancellationToken);
        logger.LogInformation("Assembled {Token} {Output} from {Count} segments in {Milliseconds} ms", Token, spec.Key,
            output.Segments.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return key;
    }

    /// <summary>
    /// Removes the segment files of an output that is recorded as done, after the caller has its answer. If this fails,
    /// the token's expiry removes them with the rest of its outputs.
    /// </summary>
    private async Task RemovePiecesAsync(string outputKey)
    {
        try
        {
            await media.DeletePrefixAsync($"renders/{Token}/{outputKey}/", CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not remove the segment files of {Token} {Output}: {Error}", Token, outputKey, ex.Message);
        }
    }

    private async Task<OutputResult> FinishAsync(OutputSpec spec, OutputState output, SegmentResult? failure)
    {
        output.ContentType = spec.Format.ContentType();
        if (failure is null)
        {
            output.Status = OutputStatus.Done;
        }
        else
        {
            output.Status = OutputStatus.Failed;
            (output.ErrorCode, output.Message, output.IsInputError) = (failure.ErrorCode, failure.Message, failure.IsInputError);
        }

        await RecordAsync(spec.Key, output);
        logger.LogInformation("Output {Token} {Output} is {Status}", Token, spec.Key, output.Status);
        return output.ToResult();
    }

    private async Task RecordAsync(string key, OutputState output)
    {
        if (!Exists)
        {
            return;
        }

        output.UpdatedAt = DateTimeOffset.UtcNow;
        state.State.Outputs[key] = output;
        await state.WriteStateAsync();
    }

    private async Task RemoveOutputsAsync()
    {
        var renders = running.Values.ToList();
        foreach (var render in renders)
        {
            await render.Cancellation.CancelAsync();
        }

        await Task.WhenAll(renders.Select(r => r.Completion));
        await media.DeletePrefixAsync($"renders/{Token}/", CancellationToken.None);
    }

    private async Task UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static FrameRange FullRange(OutputSpec spec, Timeline timeline)
    {
        if (!spec.Format.IsStill())
        {
            return new FrameRange(0, timeline.TotalFrames);
        }

        if (spec.Frame < 0 || spec.Frame >= timeline.TotalFrames)
        {
            throw new RenderInputException(
                "frame_out_of_range", $"Frame {spec.Frame} is outside the movie, which has frames 0 to {timeline.TotalFrames - 1}.");
        }

        return new FrameRange(spec.Frame, spec.Frame + 1);
    }

    /// <summary>The movie the request maps to an extension: the extension's own entry, else the <c>*</c> fallback.</summary>
    private string MovieFor(string extension)
    {
        var movies = state.State.Request!.Movies;
        var name = movies.TryGetValue(extension, out var specific) ? specific
            : movies.TryGetValue("*", out var fallback) ? fallback
            : throw new RenderInputException(
                "extension_not_mapped", $"The token's movie map has no entry for '{extension}' and no '*' fallback.");
        return state.State.Movies[name];
    }

    private int DefaultTotalFrames()
    {
        var movies = state.State.Request?.Movies;
        if (movies is null || movies.Count == 0)
        {
            return 0;
        }

        var name = movies.TryGetValue("mp4", out var mp4) ? mp4 : movies.TryGetValue("*", out var any) ? any : movies.Values.First();
        var movie = MovieParser.Parse(state.State.Movies[name]).Movie;
        try
        {
            return movie is null ? 0 : MovieBinder.Bind(movie, state.State.Request!.Params).TotalFrames;
        }
        catch (RenderInputException)
        {
            return 0;
        }
    }

    private bool IsExpired() => state.State.Expired || DateTimeOffset.UtcNow >= state.State.ExpiresAt;

    private JobInfo Info() => new(Token, state.State.Request!.Project, state.State.ExpiresAt, IsExpired());

    private static OutputResult Failure(string code, string message) => new(OutputStatus.Failed, null, "", code, message, IsInputError: true);

    private sealed class RunningOutput(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task<OutputResult> Completion { get; set; } = Task.FromResult<OutputResult>(null!);

        public OutputStatus Status { get; set; } = OutputStatus.Rendering;

        public int TotalFrames { get; set; }

        public int[] SegmentFrames { get; set; } = [];

        public long LastSegmentStored { get; set; }

        public int FramesDone => SegmentFrames.Sum();
    }
}
