using Microsoft.Extensions.Logging;
using Orleans.Render.Models;

namespace Orleans.Render.Grains;

/// <summary>How jobs and streams ask <see cref="RenderUnitGrain"/>s for their units.</summary>
public sealed class RenderUnits(IGrainFactory grains, ILogger<RenderUnits> logger)
{
    private const int UnitCallAttempts = 5;

    /// <summary>
    /// Asks a unit grain for its unit. The unit's render is shared with every job that asks for it, so cancelling this
    /// job withdraws its wait; the unit cancels its render once no job waits for it. A call lost to a dead silo or a stale
    /// activation is asked again: the unit grain resumes from its state.
    /// </summary>
    public async Task<SegmentResult> RenderAsync(string unit, SegmentWork work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<IRenderUnitGrain>(unit).RenderAsync(work).WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (StaleState.IsTransient(ex) && attempt < UnitCallAttempts)
            {
                logger.LogWarning("Asking unit {Unit} of {Token} again after {Error}", unit, work.Token, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                grains.GetGrain<IRenderUnitGrain>(unit).AbandonAsync(work.Token).Ignore();
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new SegmentResult(0, "segment_failed", $"Unit {work.Index} was lost: {ex.GetType().Name}.");
            }
        }
    }
}
