using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Render.Grains.State;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

/// <summary>
/// One render token. Reentrant so that progress, a second request for the same output and deletion are answered while
/// a render runs; every mutation of state happens between awaits, so turns never observe it half-written.
/// </summary>
[Reentrant, GrainType("render-job")]
public sealed class RenderJobGrain(
    [PersistentState("job", GrainStorage.Name)] IPersistentState<RenderJobState> state,
    IMediaStore media,
    ILogger<RenderJobGrain> logger) : Grain, IRenderJobGrain, IRemindable
{
    private const string ExpiryReminder = "expire";
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
            await state.WriteStateAsync();
            var due = timeToLive < MinimumReminderPeriod ? MinimumReminderPeriod : timeToLive;
            await this.RegisterOrUpdateReminder(ExpiryReminder, due, due);
            logger.LogInformation("Created {Token} for project {Project}", Token, request.Project);
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
        var render = RenderAsync(output);
        render.Ignore();
        return Task.CompletedTask;
    }

    public Task<RenderProgress> GetProgressAsync()
    {
        var key = state.State.CurrentOutput;
        if (key is not null && running.TryGetValue(key, out var render))
        {
            return Task.FromResult(new RenderProgress(render.FramesDone, render.TotalFrames, OutputStatus.Rendering));
        }

        if (key is not null && state.State.Outputs.TryGetValue(key, out var output))
        {
            var done = output.Status == OutputStatus.Done ? output.TotalFrames : 0;
            return Task.FromResult(new RenderProgress(done, output.TotalFrames, output.Status));
        }

        return Task.FromResult(new RenderProgress(0, DefaultTotalFrames(), OutputStatus.Pending));
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
        await UnregisterExpiryAsync();
        logger.LogInformation("Deleted {Token}", Token);
        return true;
    }

    public Task ReportProgressAsync(string outputKey, int framesDone)
    {
        if (running.TryGetValue(outputKey, out var render))
        {
            render.FramesDone = Math.Min(framesDone, render.TotalFrames);
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder)
        {
            return;
        }

        if (!Exists || state.State.Expired)
        {
            await UnregisterExpiryAsync();
            return;
        }

        if (IsExpired())
        {
            await RemoveOutputsAsync();
            state.State.Expired = true;
            state.State.Outputs.Clear();
            await state.WriteStateAsync();
            await UnregisterExpiryAsync();
            logger.LogInformation("Expired {Token}", Token);
        }
    }

    private async Task<OutputResult> RunAsync(OutputSpec spec, OutputRequest output, string movieJson, RunningOutput render)
    {
        await Task.Yield();
        try
        {
            var movie = MovieParser.Parse(movieJson).Movie
                ?? throw new RenderInputException("invalid_movie", "The movie stored for this token does not validate.");
            var timeline = MovieBinder.Bind(movie, state.State.Request!.Params);
            var range = RangeFor(spec, timeline);
            render.TotalFrames = range.Count;
            var mediaKey = $"renders/{Token}/{spec.Key}.{spec.Format.Extension()}";
            await RecordAsync(spec.Key, new OutputState
            {
                Status = OutputStatus.Rendering,
                ContentType = spec.Format.ContentType(),
                TotalFrames = range.Count,
            });

            var work = new SegmentWork(
                Token, spec.Key, movieJson, state.State.Request.Params, output, range.Start, range.End, mediaKey);
            var segment = GrainFactory.GetGrain<ISegmentRendererGrain>($"{Token}/{spec.Key}/0");
            var result = await segment.RenderAsync(work, render.Cancellation.Token);
            var outcome = result.Succeeded
                ? new OutputState { Status = OutputStatus.Done, MediaKey = mediaKey }
                : new OutputState { Status = OutputStatus.Failed, ErrorCode = result.ErrorCode, Message = result.Message, IsInputError = result.IsInputError };
            outcome.ContentType = spec.Format.ContentType();
            outcome.TotalFrames = range.Count;
            await RecordAsync(spec.Key, outcome);
            logger.LogInformation("Output {Token} {Output} is {Status}", Token, spec.Key, outcome.Status);
            return outcome.ToResult();
        }
        catch (RenderInputException ex)
        {
            var failed = new OutputState
            {
                Status = OutputStatus.Failed, ErrorCode = ex.Code, Message = ex.Message, IsInputError = true,
                ContentType = spec.Format.ContentType(),
            };
            await RecordAsync(spec.Key, failed);
            return failed.ToResult();
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

    private async Task UnregisterExpiryAsync()
    {
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static FrameRange RangeFor(OutputSpec spec, Timeline timeline)
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

        public int TotalFrames { get; set; }

        public int FramesDone { get; set; }
    }
}
