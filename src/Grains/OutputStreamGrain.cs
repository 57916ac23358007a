using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Conventions;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Planning;

namespace Orleans.Render.Grains;

/// <summary>
/// A token's output as a stream of pieces (<see cref="StreamPlan"/>). It plans once per activation, then renders
/// pieces as viewers ask for them: the asked piece urgently, a few after it in the background, each through its
/// <see cref="RenderUnitGrain"/>, so pieces are stored, shared and survive this grain. The sound is rendered once,
/// before the first piece. It keeps nothing durable of its own: a new activation asks the units what is stored.
/// Reentrant: every viewer's wait runs side by side; state is mutated only between awaits.
/// </summary>
[Reentrant, GrainType("output-stream")]
public sealed class OutputStreamGrain(
    OutputRenderer renderer,
    RenderUnits units,
    IOptions<StreamingOptions> options,
    IOptions<RenderEngineOptions> engineOptions,
    ILogger<OutputStreamGrain> logger) : Grain, IOutputStreamGrain, IDisposable
{
    /// <summary>Look-ahead pieces of one stream rendering at once.</summary>
    private const int AheadAtOnce = 2;

    private readonly Dictionary<int, PieceRender> pieces = [];
    private readonly HashSet<string> viewers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing = new();
    private Task<PlannedStream>? planning;

    /// <summary>Counts the times the last viewer went away; a look-ahead started before that stops.</summary>
    private int abandonments;
    private Task<SegmentResult>? sound;

    public static string KeyOf(string token, string extension) => $"{token}/{extension}";

    /// <summary>Closes every stream of a token (it was deleted or expired).</summary>
    public static void CloseAll(IGrainFactory grains, string token)
    {
        foreach (var extension in OutputFormats.StreamExtensions)
        {
            grains.GetGrain<IOutputStreamGrain>(KeyOf(token, extension)).CloseAsync().Ignore();
        }
    }

    private string Token => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string Extension => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    public async Task<StreamLayout> GetLayoutAsync()
    {
        try
        {
            var planned = await PlanAsync();
            var timeline = planned.Bound.Timeline;
            return new StreamLayout(
                [.. planned.Plan.Pieces.Select(p => p.Range.Count)], timeline.Fps.Numerator, timeline.Width, timeline.Height, planned.Plan.Sound is not null,
                await IsCompleteAsync(planned), FpsDenominator: timeline.Fps.Denominator);
        }
        catch (RenderInputException ex)
        {
            return StreamLayout.Failed(ex.Code, ex.Message, isInputError: true);
        }
    }

    public async Task<SegmentResult> GetPieceAsync(int index, StreamMode mode, string viewer, CancellationToken cancellationToken)
    {
        if (viewer.Length > 0)
        {
            viewers.Add(viewer);
        }

        PlannedStream planned;
        try
        {
            planned = await PlanAsync();
        }
        catch (RenderInputException ex)
        {
            return new SegmentResult(0, ex.Code, ex.Message, IsInputError: true);
        }

        var count = planned.Plan.Pieces.Count;
        if (index < 0 || index >= count)
        {
            return new SegmentResult(0, "unknown_piece", $"The stream has pieces 0 to {count - 1}.", IsInputError: true);
        }

        var wanted = Start(planned, index, urgent: true);
        StartAheadAsync(planned, index, mode, wanted.Render).Ignore();
        try
        {
            return await wanted.Render.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await LeaveAsync(viewer, abandoned: true);
            return new SegmentResult(0, "cancelled", "The viewer left.");
        }
    }

    public Task LeaveAsync(string viewer, bool abandoned)
    {
        if (viewers.Remove(viewer) && abandoned && viewers.Count == 0)
        {
            CancelUnwatched();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Once the asked piece is stored, the pieces after it (how many depends on the mode), in order, at most
    /// <see cref="AheadAtOnce"/> at a time: started only then, so the piece a viewer waits for has the silo's cores to
    /// itself, and in order, so the piece a player asks for next is the one closest to done.
    /// </summary>
    private async Task StartAheadAsync(PlannedStream planned, int index, StreamMode mode, Task<SegmentResult> asked)
    {
        if (!(await asked).Succeeded)
        {
            return;
        }

        var ahead = mode == StreamMode.Get ? options.Value.GetLookahead : options.Value.PlayLookahead;
        var last = Math.Min(planned.Plan.Pieces.Count, index + 1 + ahead);
        var inFlight = new List<Task<SegmentResult>>();
        var watched = abandonments;
        for (var next = index + 1; next < last && !closing.IsCancellationRequested && abandonments == watched; next++)
        {
            inFlight.Add(Start(planned, next, urgent: false).Render);
            if (inFlight.Count == AheadAtOnce)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }
        }
    }

    public async Task CloseAsync()
    {
        logger.LogInformation("Closing the {Extension} stream of {Token}", Extension, Token);
        await closing.CancelAsync();
        DeactivateOnIdle();
    }

    private Task<PlannedStream> PlanAsync()
    {
        if (closing.IsCancellationRequested)
        {
            throw new RenderInputException("cancelled", "The token was deleted or has expired.");
        }

        if (planning is { IsFaulted: true } or { IsCanceled: true })
        {
            planning = null;
        }

        return planning ??= PlanOnceAsync();
    }

    private async Task<PlannedStream> PlanOnceAsync()
    {
        var source = await GrainFactory.GetGrain<IRenderJobGrain>(Token).GetSourceAsync()
            ?? throw new RenderInputException("unknown_token", "There is no such token, or it was deleted or has expired.");
        var target = OutputTarget.For(new OutputRequest(Extension), source.Request, source.Movies);
        if (!StreamPlan.IsStreamable(target.Spec.Format))
        {
            throw new RenderInputException("unsupported_mode", $"'{Extension}' is not streamed; only mp4 and webm are.");
        }

        var bound = await renderer.BindAsync(source.Request, target.MovieJson, closing.Token);
        var lengths = new StreamPieceLengths(options.Value.FirstPieceSeconds, options.Value.PieceSeconds);
        var plan = StreamPlan.For(bound.Timeline, target.Spec.Format, lengths, engineOptions.Value.Encoder, bound.AssetVersions);
        var work = new SegmentWork(
            Token, $"stream-{Extension}", target.MovieJson, source.Request.Params, target.Request, 0, plan.TotalFrames, "", source.Request.Project,
            bound.MediaSeconds, Pool: source.Request.RoutingKey);
        logger.LogInformation("Planned the {Extension} stream of {Token}: {Count} pieces", Extension, Token, plan.Pieces.Count);
        return new PlannedStream(plan, bound, work);
    }

    /// <summary>The piece's render under way or done; a new one when there is none or the last one failed (a retry).</summary>
    private PieceRender Start(PlannedStream planned, int index, bool urgent)
    {
        if (pieces.TryGetValue(index, out var known) && !(known.Render.IsCompleted && !known.Render.Result.Succeeded))
        {
            return known;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        var piece = new PieceRender(cancellation);
        piece.Render = RenderPieceAsync(planned, index, urgent, cancellation.Token);
        pieces[index] = piece;
        return piece;
    }

    private async Task<SegmentResult> RenderPieceAsync(PlannedStream planned, int index, bool urgent, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            string? soundKey = null;
            if (planned.Plan.Sound is { } soundUnit)
            {
                var mixed = await SoundAsync(planned, soundUnit).WaitAsync(cancellationToken);
                if (!mixed.Succeeded)
                {
                    return mixed;
                }

                soundKey = mixed.MediaKey;
            }

            var piece = planned.Plan.Pieces[index];
            var result = await units.RenderAsync(piece.Unit, planned.Work with
            {
                Kind = SegmentKind.Piece,
                StartFrame = piece.Range.Start,
                EndFrame = piece.Range.End,
                Index = index,
                SoundKey = soundKey,
                Urgent = urgent,
            }, cancellationToken);
            if (!result.Succeeded)
            {
                logger.LogWarning("Piece {Index} of the {Extension} stream of {Token} failed: {Error}", index, Extension, Token, result.Message);
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new SegmentResult(0, "cancelled", closing.IsCancellationRequested ? "The token was deleted." : "Nobody watches the stream any more.");
        }
    }

    /// <summary>The movie's sound, rendered once for every piece; asked again after a failure.</summary>
    private Task<SegmentResult> SoundAsync(PlannedStream planned, string unit)
    {
        if (sound is { IsCompleted: true } && !sound.Result.Succeeded)
        {
            sound = null;
        }

        return sound ??= units.RenderAsync(unit, planned.Work with { Kind = SegmentKind.Sound, Urgent = true }, closing.Token);
    }

    /// <summary>The last viewer went away: the pieces still rendering are work nobody needs.</summary>
    private void CancelUnwatched()
    {
        abandonments++;
        foreach (var (index, piece) in pieces.Where(p => !p.Value.Render.IsCompleted).ToList())
        {
            logger.LogInformation("Cancelling piece {Index} of the {Extension} stream of {Token}: no viewer left", index, Extension, Token);
            piece.Cancellation.Cancel();
            pieces.Remove(index);
        }
    }

    /// <summary>Whether every piece is stored; pieces this activation has not rendered are looked up once.</summary>
    private async Task<bool> IsCompleteAsync(PlannedStream planned)
    {
        var unknown = Enumerable.Range(0, planned.Plan.Pieces.Count).Where(i => !pieces.ContainsKey(i)).ToList();
        var stored = await Task.WhenAll(unknown.Select(i => GrainFactory.GetGrain<IRenderUnitGrain>(planned.Plan.Pieces[i].Unit).GetStoredAsync()));
        foreach (var (index, result) in unknown.Zip(stored))
        {
            if (result is not null && !pieces.ContainsKey(index))
            {
                pieces[index] = new PieceRender(new CancellationTokenSource()) { Render = Task.FromResult(result) };
            }
        }

        return Enumerable.Range(0, planned.Plan.Pieces.Count)
            .All(i => pieces.TryGetValue(i, out var p) && p.Render.IsCompletedSuccessfully && p.Render.Result.Succeeded);
    }

    private sealed record PlannedStream(StreamPlan Plan, OutputRenderer.BoundMovie Bound, SegmentWork Work);

    private sealed class PieceRender(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task<SegmentResult> Render { get; set; } = null!;
    }

    public void Dispose() => closing.Dispose();
}
