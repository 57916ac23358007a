using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Render.Grains.State;
using Orleans.Render.Models;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

/// <summary>
/// The segment store's index and its eviction: least recently used first above <see cref="SegmentStoreOptions.MaxBytes"/>,
/// and anything unused for <see cref="SegmentStoreOptions.MaxAge"/>, checked on a timer. Evicting deletes the file and
/// tells the unit to forget it, so the next ask renders it again. Last-use times are written with the next change or
/// sweep rather than on every hit: losing a few on a crash only makes eviction slightly less exact.
/// </summary>
[Reentrant, GrainType("segment-store")]
public sealed class SegmentStoreGrain(
    [PersistentState("segment-store", GrainStorage.Name)] IPersistentState<SegmentStoreState> state,
    IMediaStore media,
    IOptions<SegmentStoreOptions> storeOptions,
    ILogger<SegmentStoreGrain> logger) : Grain, ISegmentStoreGrain
{
    public const string Key = "store";

    private CoalescingWriter? writer;
    private bool touched;

    private SegmentStoreOptions Options => storeOptions.Value;

    private CoalescingWriter Writer => writer ??= new CoalescingWriter(() => state.WriteOrDeactivateAsync(this));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(Options.SweepPeriod, Options.SweepPeriod) { Interleave = true });
        return Task.CompletedTask;
    }

    public Task AddAsync(string unit, string? mediaKey, long bytes)
    {
        state.State.Units[unit] = new StoredUnit { MediaKey = mediaKey, Bytes = bytes, LastUsedAt = DateTimeOffset.UtcNow };
        return Writer.WriteAsync();
    }

    public Task TouchAsync(string unit)
    {
        if (state.State.Units.TryGetValue(unit, out var stored))
        {
            stored.LastUsedAt = DateTimeOffset.UtcNow;
            touched = true;
        }

        return Task.CompletedTask;
    }

    public async Task<int> SweepAsync()
    {
        var units = state.State.Units;
        var oldest = DateTimeOffset.UtcNow - Options.MaxAge;
        var byAge = units.OrderBy(u => u.Value.LastUsedAt).ToList();
        var total = units.Values.Sum(u => u.Bytes);
        var evicted = new List<KeyValuePair<string, StoredUnit>>();
        foreach (var unit in byAge)
        {
            if (unit.Value.LastUsedAt >= oldest && total <= Options.MaxBytes)
            {
                break;
            }

            evicted.Add(unit);
            total -= unit.Value.Bytes;
        }

        foreach (var (unit, stored) in evicted)
        {
            units.Remove(unit);
            if (stored.MediaKey is not null)
            {
                await media.DeleteAsync(stored.MediaKey, CancellationToken.None);
            }

            await GrainFactory.GetGrain<IRenderUnitGrain>(unit).ForgetAsync();
        }

        if (evicted.Count > 0 || touched)
        {
            touched = false;
            await Writer.WriteAsync();
        }

        if (evicted.Count > 0)
        {
            logger.LogInformation("Evicted {Count} units from the segment store; {Units} units, {Bytes} bytes remain", evicted.Count, units.Count, total);
        }

        return evicted.Count;
    }

    public Task<SegmentStoreStats> GetStatsAsync() =>
        Task.FromResult(new SegmentStoreStats(state.State.Units.Count, state.State.Units.Values.Sum(u => u.Bytes)));
}
