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

    /// <summary>Set once the token is in its <c>TokenExpiryGrain</c>'s list: it had renders or streams to end when it expires.</summary>
    [Id(8)] public bool InExpiryBucket { get; set; }

    public bool Exists => Request is not null;

    /// <summary>Expired by its own clock, whether or not its expiry bucket has cleaned up yet.</summary>
    public bool IsExpired => Expired || DateTimeOffset.UtcNow >= ExpiresAt;

    public bool IsLive => Exists && !Cancelled && !IsExpired;

    /// <summary>Why the token renders nothing (unknown, deleted, expired), or null for a live token.</summary>
    public OutputResult? Refusal() =>
        !Exists ? Failure("unknown_token", "There is no such token.")
        : Cancelled ? Failure("cancelled", "The token was deleted.")
        : IsExpired ? Failure("expired", "The token has expired.")
        : null;

    public JobInfo Info(string token) => new(token, Request!.Project, ExpiresAt, IsExpired, Cancelled);

    /// <summary>The outputs a live token was rendering or waiting for that are not under way (<paramref name="running"/>): a silo that died left them.</summary>
    public List<OutputRequest> Unfinished(ICollection<string> running) =>
        IsLive
            ? [.. Outputs
                .Where(o => o.Value.Status is OutputStatus.Rendering or OutputStatus.Queued && o.Value.Request is not null && !running.Contains(o.Key))
                .Select(o => o.Value.Request!)]
            : [];

    private static OutputResult Failure(string code, string message) => new(OutputStatus.Failed, null, "", code, message, IsInputError: true);
}
