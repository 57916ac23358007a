using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Render.Grains;

/// <summary>
/// Writes that heal a stale activation. When a write finds that another activation of the same grain wrote the state
/// since this one read it (an <see cref="InconsistentStateException"/>, seen after a membership change left two), this
/// activation's view is wrong: it deactivates, so the caller's retry activates the grain again on fresh state, instead
/// of failing every write until it is collected.
/// </summary>
internal static class StaleState
{
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "The grain's state was written by another activation."));
            throw;
        }
    }

    /// <summary>True for the failures a caller should meet by asking again: a stale activation or a silo that went away.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is InconsistentStateException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException;
}
