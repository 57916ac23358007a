using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Grains.State;
using Orleans.Render.Models;

namespace Orleans.Render.Grains;

/// <summary>
/// The durable render queue of one pool (key = the pool). Outputs wait in arrival order; when the pool has room (its
/// live silos × <see cref="RenderQueueOptions.RunningPerSilo"/>) the next goes to the project with the fewest outputs
/// running, within <see cref="RenderQueueOptions.MaxRunningPerProject"/>, and its job is told through
/// <see cref="IRenderJobGrain.AdmitAsync"/>. A timer asks each running output's job again every lease period: a job
/// whose silo died is activated elsewhere by that call and resumes, and a slot whose output is finished is freed. A
/// reminder brings the queue back after its own silo dies while it holds work. Reentrant, with coalesced writes, so
/// a burst of enqueues costs a few storage writes rather than one each.
/// </summary>
[Reentrant, GrainType("render-queue")]
public sealed class RenderQueueGrain(
    [PersistentState("queue", GrainStorage.Name)] IPersistentState<RenderQueueState> state,
    RenderPools pools,
    IOptions<RenderQueueOptions> queueOptions,
    ILogger<RenderQueueGrain> logger) : Grain, IRenderQueueGrain, IRemindable
{
    private const string KeepAliveReminder = "keep-alive";

    private CoalescingWriter? writer;
    private ReminderSwitch? keepAlive;

    private RenderQueueOptions Options => queueOptions.Value;

    private CoalescingWriter Writer => writer ??= new CoalescingWriter(() => state.WriteOrDeactivateAsync(this));

    private ReminderSwitch KeepAlive => keepAlive ??= new ReminderSwitch(this, KeepAliveReminder, TimeSpan.FromMinutes(1));

    private string Pool => this.GetPrimaryKeyString();

    private List<QueueEntry> Waiting => state.State.Waiting;

    private List<QueueEntry> Running => state.State.Running;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(CheckAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Options.LeasePeriod) { Interleave = true });
        RenderMetrics.TrackQueue(Pool, () => (Waiting.Count, Running.Count));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        RenderMetrics.UntrackQueue(Pool);
        return Task.CompletedTask;
    }

    public async Task<QueueTicket> EnqueueAsync(QueueEntry entry)
    {
        if (Running.Any(e => Same(e, entry.Token, entry.Output)))
        {
            return new QueueTicket(true, 0);
        }

        if (Waiting.FindIndex(e => Same(e, entry.Token, entry.Output)) is var index and >= 0)
        {
            return new QueueTicket(false, index + 1);
        }

        if (Waiting.Count(e => e.Project == entry.Project) >= Options.MaxQueuedPerProject)
        {
            return new QueueTicket(false, 0, "queue_full",
                $"The project has {Options.MaxQueuedPerProject} renders waiting in the '{Pool}' pool already; try again later.");
        }

        Waiting.Add(entry);
        var admitted = Admit();
        await SaveAsync();
        Notify(admitted.Where(e => !Same(e, entry.Token, entry.Output)));
        var position = Waiting.FindIndex(e => Same(e, entry.Token, entry.Output)) + 1;
        return new QueueTicket(position == 0, position);
    }

    public async Task CompleteAsync(string token, string output)
    {
        if (Running.RemoveAll(e => Same(e, token, output)) + Waiting.RemoveAll(e => Same(e, token, output)) == 0)
        {
            return;
        }

        var admitted = Admit();
        await SaveAsync();
        Notify(admitted);
    }

    public async Task RemoveTokenAsync(string token)
    {
        if (Running.RemoveAll(e => e.Token == token) + Waiting.RemoveAll(e => e.Token == token) > 0)
        {
            var admitted = Admit();
            await SaveAsync();
            Notify(admitted);
        }
    }

    public Task<int> GetPositionAsync(string token, string output) =>
        Task.FromResult(Waiting.FindIndex(e => Same(e, token, output)) + 1);

    public Task<QueueSnapshot> GetSnapshotAsync() => Task.FromResult(new QueueSnapshot([.. Waiting], [.. Running], Capacity));

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckAsync();

    private int Capacity => pools.LiveSilos(Pool) * Options.RunningPerSilo;

    /// <summary>Moves waiting outputs to running while the pool has room; fair between projects. Returns the ones moved.</summary>
    private List<QueueEntry> Admit()
    {
        var admitted = new List<QueueEntry>();
        var capacity = Capacity;
        while (Running.Count < capacity && Waiting.Count > 0)
        {
            var running = Running.GroupBy(e => e.Project).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var next = Waiting
                .Select((entry, index) => (entry, index, count: running.GetValueOrDefault(entry.Project)))
                .Where(c => c.count < Options.MaxRunningPerProject)
                .OrderBy(c => c.count).ThenBy(c => c.index)
                .Select(c => c.entry)
                .FirstOrDefault();
            if (next is null)
            {
                break;
            }

            Waiting.Remove(next);
            next = next with { AdmittedAt = DateTimeOffset.UtcNow };
            Running.Add(next);
            admitted.Add(next);
        }

        return admitted;
    }

    private void Notify(IEnumerable<QueueEntry> admitted)
    {
        foreach (var entry in admitted)
        {
            logger.LogInformation("Admitted {Token} {Output} of project {Project} in pool {Pool}", entry.Token, entry.Output, entry.Project, Pool);
            TellAsync(entry).Ignore();
        }
    }

    /// <summary>
    /// Tells the job its output may run. Its answer is not acted on: a job still recording itself (its token is being
    /// made) says no, and only the lease check, a lease period later, frees a slot its job does not hold.
    /// </summary>
    private async Task TellAsync(QueueEntry entry)
    {
        try
        {
            await GrainFactory.GetGrain<IRenderJobGrain>(entry.Token).AdmitAsync(entry.Output);
        }
        catch (Exception ex) when (StaleState.IsTransient(ex))
        {
            // The lease check asks again.
        }
    }

    /// <summary>Asks the job whether it still holds the output's slot (which resumes a job whose silo died); frees the slot when it says no.</summary>
    private async Task HoldsSlotAsync(QueueEntry entry)
    {
        bool holds;
        try
        {
            holds = await GrainFactory.GetGrain<IRenderJobGrain>(entry.Token).AdmitAsync(entry.Output);
        }
        catch (Exception ex) when (StaleState.IsTransient(ex))
        {
            // The next check asks again, by then on a live silo.
            return;
        }

        if (!holds)
        {
            await CompleteAsync(entry.Token, entry.Output);
        }
    }

    /// <summary>
    /// The lease check: the job of every output admitted a lease period ago or earlier is asked whether it still holds
    /// its slot (a younger one may belong to a job still recording itself), and room is filled.
    /// </summary>
    private async Task CheckAsync()
    {
        var settled = DateTimeOffset.UtcNow - Options.LeasePeriod;
        await Task.WhenAll(Running.Where(e => e.AdmittedAt <= settled).ToList().Select(HoldsSlotAsync));
        var admitted = Admit();
        if (admitted.Count > 0)
        {
            await SaveAsync();
            Notify(admitted);
        }

        await KeepAliveAsync();
    }

    private async Task SaveAsync()
    {
        await Writer.WriteAsync();
        await KeepAliveAsync();
    }

    /// <summary>A reminder only while the queue holds work, registered and removed on the change alone.</summary>
    private Task KeepAliveAsync() => KeepAlive.SetAsync(() => Waiting.Count + Running.Count > 0);

    private static bool Same(QueueEntry entry, string token, string output) => entry.Token == token && entry.Output == output;
}
