namespace Orleans.Render.Conventions;

/// <summary>
/// What the silo and the API agree on when configuration says nothing: the cluster they form (overridden by
/// <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c>, the same keys in both) and the render pool a request is
/// routed to without a routing key.
/// </summary>
public static class ClusterDefaults
{
    public const string Section = "Orleans";

    public const string ClusterId = "render";

    public const string ServiceId = "orleans-render";

    public const string Pool = "default";
}
