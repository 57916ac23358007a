namespace Orleans.Render.Grains.State;

[GenerateSerializer, Alias("render.v1.TokenExpiryState")]
public sealed class TokenExpiryState
{
    /// <summary>Tokens expiring within the bucket, in the order they were made.</summary>
    [Id(0)] public List<string> Tokens { get; set; } = [];

    /// <summary>Whether the bucket's reminder is registered.</summary>
    [Id(1)] public bool Scheduled { get; set; }
}
