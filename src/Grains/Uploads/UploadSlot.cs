using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// An async upload's claim on one of its project's slots (<see cref="IUploadSlotsGrain"/>), recorded in its state so an
/// activation on another silo knows whether it holds one or waits in the queue. Sync uploads need none.
/// </summary>
internal static class UploadSlot
{
    /// <summary>Whether the upload may run now; an async one without a slot is recorded as queued.</summary>
    public static async Task<bool> AcquireAsync(IUploadSlotsGrain slots, UploadState state, Func<Task> save)
    {
        var job = state.Job!;
        if (!job.Task.Async || state.HoldsSlot)
        {
            return true;
        }

        var granted = await slots.AcquireAsync(job.Key);
        if (state.Status == UploadStatus.Cancelled)
        {
            // Cancelled while asking: give back the slot or the place in the queue it may just have got.
            await slots.ReleaseAsync(job.Key);
            return false;
        }

        if (granted || !state.Queued)
        {
            (state.HoldsSlot, state.Queued) = (granted, !granted);
            await save();
        }

        return granted;
    }

    /// <summary>Frees the slot, or the place in the queue (<paramref name="wasQueued"/>), of an upload that has ended.</summary>
    public static async Task ReleaseAsync(IUploadSlotsGrain slots, UploadState state, bool wasQueued, Func<Task> save)
    {
        if (state.HoldsSlot || wasQueued)
        {
            await slots.ReleaseAsync(state.Job!.Key);
            state.HoldsSlot = false;
            await save();
        }
    }
}
