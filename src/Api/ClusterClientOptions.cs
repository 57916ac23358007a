using System.ComponentModel.DataAnnotations;

namespace Orleans.Render.Api;

/// <summary>
/// Bound from the <c>Cluster:Client</c> configuration section: how quickly the API notices a dead silo or gateway and
/// how it retries the grain calls that are safe to repeat.
/// </summary>
public sealed class ClusterClientOptions
{
    public const string Section = "Cluster:Client";

    /// <summary>How often the client re-reads the live gateways from the membership table (Orleans' default is 1 min).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a grain call without its own <c>[ResponseTimeout]</c> may take (Orleans' default is 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt of a read (info, progress, segments) may take before it is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts in all for a call that is safe to repeat, when its silo or gateway is lost.</summary>
    [Range(1, 10)]
    public int Attempts { get; set; } = 5;

    /// <summary>The pause before the second attempt; each further attempt waits one more of it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);
}
