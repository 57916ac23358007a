using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Repeats grain calls that are safe to repeat when the silo or gateway that carried them is gone: the next attempt is
/// routed through another gateway and, once the dead silo is known, activates the grain on a live one from its state.
/// Only for idempotent calls: reads, and renders or waits that join what is already running.
/// </summary>
public sealed class GrainCallRetry(IOptions<ClusterClientOptions> options, ILogger<GrainCallRetry> logger)
{
    private ClusterClientOptions Options => options.Value;

    /// <summary>
    /// A read: each attempt may take <see cref="ClusterClientOptions.ReadTimeout"/>, so a call stuck on a dead silo is
    /// given up quickly and tried again elsewhere instead of waiting for the response timeout.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken = default) =>
        RunAsync(() => read().WaitAsync(Options.ReadTimeout, cancellationToken), retryTimeouts: true, cancellationToken);

    /// <summary>A long call that may be repeated (it joins the work already under way); its own timeout is final.</summary>
    public Task<T> RepeatAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken = default) =>
        RunAsync(call, retryTimeouts: false, cancellationToken);

    private async Task<T> RunAsync<T>(Func<Task<T>> call, bool retryTimeouts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < Options.Attempts && IsLostCall(ex, retryTimeouts) && !cancellationToken.IsCancellationRequested)
            {
                var backoff = Options.RetryBackoff * attempt;
                logger.LogWarning("Grain call attempt {Attempt} failed ({Error}); trying again in {Backoff}", attempt, ex.GetType().Name, backoff);
                await Task.Delay(backoff, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The call never reached a live silo, its silo died, or it met a stale activation (which deactivates itself on the
    /// conflict, so the next attempt reads fresh state): another attempt may succeed.
    /// </summary>
    public static bool IsLostCall(Exception ex, bool retryTimeouts) => ex switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException
            or InconsistentStateException => true,
        TimeoutException => retryTimeouts,
        _ => false,
    };
}
