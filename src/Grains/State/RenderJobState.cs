using Orleans.Render.Models;

namespace Orleans.Render.Grains.State;

[GenerateSerializer, Alias("render.v1.RenderJobState")]
public sealed class RenderJobState
{
    [Id(0)] public RenderRequest? Request { get; set; }

    /// <summary>The movie documents the request named, copied when the token was made so later edits don't change it.</summary>
    [Id(1)] public Dictionary<string, string> Movies { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set once the expiry reminder has removed the outputs; the token then answers "gone".</summary>
    [Id(4)] public bool Expired { get; set; }

    /// <summary>Outputs by <c>OutputSpec.Key</c> (<c>mp4</c>, <c>jpg-f25-q80</c>, …).</summary>
    [Id(5)] public Dictionary<string, OutputState> Outputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The output whose frames <c>GET /v2/progress</c> reports: the latest one asked for.</summary>
    [Id(6)] public string? CurrentOutput { get; set; }

    /// <summary>Set when the token was deleted; it then answers "cancelled" until it would have expired.</summary>
    [Id(7)] public bool Cancelled { get; set; }
}
