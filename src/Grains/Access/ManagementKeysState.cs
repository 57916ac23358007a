namespace Orleans.Render.Grains.Access;

[GenerateSerializer, Alias("render.v1.ManagementKeysState")]
public sealed class ManagementKeysState
{
    [Id(0)] public Dictionary<string, ManagementKeyRecord> Keys { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("render.v1.ManagementKeyRecord")]
public sealed class ManagementKeyRecord
{
    [Id(0)] public byte[] SecretHash { get; set; } = [];

    [Id(1)] public string? Comment { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public bool Revoked { get; set; }

    [Id(4)] public HashSet<string> Projects { get; set; } = new(StringComparer.Ordinal);
}
