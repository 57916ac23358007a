using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// Counts a project's running async uploads against <see cref="UploadOptions.MaxConcurrentPerProject"/>. A freed slot
/// goes straight to the first waiter, which is then woken; its reminder finds the slot too if the wake-up is lost.
/// </summary>
[GrainType("upload-slots")]
public sealed class UploadSlotsGrain(
    [PersistentState("slots", GrainStorage.Name)] IPersistentState<UploadSlotsState> state,
    IOptions<UploadOptions> options,
    ILogger<UploadSlotsGrain> logger) : Grain, IUploadSlotsGrain
{
    private int Max => options.Value.MaxConcurrentPerProject;

    public async Task<bool> AcquireAsync(string upload)
    {
        var slots = state.State;
        if (slots.Holders.Contains(upload))
        {
            return true;
        }

        if (slots.Holders.Count < Max && (slots.Waiting.Count == 0 || slots.Waiting[0] == upload))
        {
            slots.Waiting.Remove(upload);
            slots.Holders.Add(upload);
            await state.WriteStateAsync();
            return true;
        }

        if (!slots.Waiting.Contains(upload))
        {
            slots.Waiting.Add(upload);
            await state.WriteStateAsync();
            logger.LogInformation("Upload {Upload} of project {Project} waits for a slot ({Waiting} waiting)", upload, this.GetPrimaryKeyString(), slots.Waiting.Count);
        }

        return false;
    }

    public async Task ReleaseAsync(string upload)
    {
        var slots = state.State;
        var changed = slots.Holders.Remove(upload) | slots.Waiting.Remove(upload);
        var granted = new List<string>();
        while (slots.Holders.Count < Max && slots.Waiting.Count > 0)
        {
            granted.Add(slots.Waiting[0]);
            slots.Holders.Add(slots.Waiting[0]);
            slots.Waiting.RemoveAt(0);
        }

        if (changed || granted.Count > 0)
        {
            await state.WriteStateAsync();
        }

        foreach (var next in granted)
        {
            await GrainFactory.GetGrain<IUploadGrain>(next).WakeAsync();
        }
    }
}
