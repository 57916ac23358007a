namespace Orleans.Render.Grains.Access;

[GenerateSerializer, Alias("render.v1.ProjectAccessState")]
public sealed class ProjectAccessState
{
    [Id(0)] public bool Private { get; set; }

    [Id(1)] public string? SigningSecret { get; set; }

    [Id(2)] public Dictionary<string, RenderKeyRecord> Keys { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Alias("render.v1.RenderKeyRecord")]
public sealed class RenderKeyRecord
{
    [Id(0)] public byte[] SecretHash { get; set; } = [];

    [Id(1)] public string? Comment { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}
